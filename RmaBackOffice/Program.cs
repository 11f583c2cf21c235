using MudBlazor.Services;
using RmaBackOffice;
using RmaBackOffice.Components;
using RmaBackOffice.Components.Account;
using RmaBackOffice.Components.Layout;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Articles;
using RmaBackOffice.Features.Articles.Images;
using RmaBackOffice.Features.Articles.Public;
using RmaBackOffice.Features.Audit.Viewer;
using RmaBackOffice.Features.Backup;
using RmaBackOffice.Features.Candidates;
using RmaBackOffice.Features.Dashboard;
using RmaBackOffice.Features.Health;
using RmaBackOffice.Features.JobOrders;
using RmaBackOffice.Features.Offices;
using RmaBackOffice.Features.Offices.Public;
using RmaBackOffice.Features.Pipelines;
using RmaBackOffice.Features.Users;
using RmaBackOffice.Web;

// `dotnet run --project RmaBackOffice -- generate ...` and other maintenance commands run here and exit.
if (await Commands.TryRunAsync(args))
{
    return;
}

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.UseRepositorySettings(builder.Environment);
// Serve MudBlazor's and the framework's assets from source in every environment, not only Development (no-op once published).
builder.WebHost.UseStaticWebAssets();

builder.Services.AddRazorComponents()
    .AddInteractiveServerComponents(circuits =>
    {
        // A dropped desk is held whole only for a network blip; after that its circuit is persisted (its address and at most
        // its first page of rows, tens of KB) so a laptop woken hours later resumes, instead of the server holding hundreds
        // of idle circuits in memory. The cap bounds what idle desks may hold in all (about 1,000 × 40 KB).
        circuits.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(1);
        circuits.DisconnectedCircuitMaxRetained = 200;
        circuits.PersistedCircuitInMemoryRetentionPeriod = TimeSpan.FromHours(8);
        circuits.PersistedCircuitInMemoryMaxRetained = 1_000;
    })
    // A desk's prerendered first page (up to 100 rows) travels back with the circuit's start, past SignalR's 32 KB default.
    .AddHubOptions(hub => hub.MaximumReceiveMessageSize = 256 * 1024);
builder.Services.AddMudServicesWithOneToast();
builder.Services.AddProblemDetails();
builder.Services.AddPublicJson();
// Both run ahead of the whole pipeline (authentication included): the client's address and scheme first, then the headers.
builder.Services.AddTrustedProxies();
builder.Services.AddSecurityHeaders();
builder.Services.AddPublicApi();
builder.Services.AddPublicSite();
builder.Services.AddPublicOutputCache();
builder.Services.AddSingleton(TimeProvider.System);

builder.Services.AddAppDatabase();
builder.Services.AddAppIdentity();
builder.Services.AddUsers();
builder.Services.AddDashboard();
builder.Services.AddJobOrders();
builder.Services.AddCandidates();
builder.Services.AddCandidateIntake();
builder.Services.AddPipelines();
builder.Services.AddArticles();
builder.Services.AddArticleImages();
builder.Services.AddOffices();
builder.Services.AddPublicNews();
builder.Services.AddHealth();
builder.Services.AddBackup();
builder.Services.AddBenchmarkDiagnostics(builder.Configuration);
builder.Services.AddHeadAsGet();

var app = builder.Build();

await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();

app.UseBenchmarkTiming();
// Never a stack trace, not even in Development: the error page shows a correlation id and the log has the details.
app.UseExceptionHandler("/Error", createScopeForErrors: true);
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
// People get the styled 404 page; API clients and form posts keep the status code and body they were given.
app.Use((context, next) =>
{
    if ((!HttpMethods.IsGet(context.Request.Method) || context.Request.Path.StartsWithSegments("/api"))
        && context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } statusCodePages)
    {
        statusCodePages.Enabled = false;
    }
    return next(context);
});

app.UseRateLimiter();
// Public form posts are read within limits before antiforgery reads them, so a refusal is the app's answer, not a bare 400.
app.UseBoundedForms();
app.UseAntiforgery();
// After authentication (a signed-in request is never answered from or stored in it) and before the endpoints it answers for.
app.UseOutputCache();

app.MapStaticAssets();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode();

app.MapAdditionalIdentityEndpoints();
app.MapPublicApi();
app.MapSitemap();
app.MapJobOrderIntake();
app.MapCandidateIntake();
app.MapJobOrderExport();
app.MapCandidateEndpoints();
app.MapArticles();
app.MapArticleImages();
app.MapOffices();
app.MapPublicNews();
app.MapHealth();
app.MapAuditExport();
app.MapBenchmarkDiagnostics();

app.Run();

public partial class Program;
