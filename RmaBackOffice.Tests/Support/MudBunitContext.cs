using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RmaBackOffice.Components.Layout;
using Microsoft.AspNetCore.Http;
using RmaBackOffice.Data;
using RmaBackOffice.Features.Audit;
using RmaBackOffice.Features.Candidates;
using RmaBackOffice.Features.Dashboard;
using RmaBackOffice.Features.JobOrders;
using RmaBackOffice.Features.Pipelines;
using RmaBackOffice.Features.Users;

namespace RmaBackOffice.Tests.Support;

/// <summary>
/// bUnit with MudBlazor's services and loose JS interop. Components get the real feature services over the
/// host's database, signed in as the given user, so a component test exercises the same rules as the app.
/// </summary>
public sealed class MudBunitContext : BunitContext
{
    // A busy 2-core machine (CI, parallel builds) can take seconds for a first render: waits tolerate it, they never sleep.
    static MudBunitContext() => DefaultWaitTimeout = TimeSpan.FromSeconds(20);

    public MudBunitContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServicesWithOneToast();
        Services.AddSingleton(TimeProvider.System);
    }

    public async Task SignInAsync(AppHost host, ApplicationUser user)
    {
        var fresh = await host.WithUserManagerAsync(m => m.FindByIdAsync(user.Id));
        var roles = await host.WithUserManagerAsync(async m => (await m.GetRolesAsync(fresh!)).ToArray());

        var authorization = AddAuthorization();
        authorization.SetAuthorized(fresh!.UserName!);
        authorization.SetRoles(roles);
        authorization.SetClaims(
            new Claim(ClaimTypes.NameIdentifier, fresh.Id),
            new Claim("AspNet.Identity.SecurityStamp", fresh.SecurityStamp!),
            new Claim(StaffClaims.DisplayName, fresh.DisplayName));

        // The host's singletons (database, seam, stores), the circuit's own scoped services, and the feature services resolved
        // by DI as in the app, so a new constructor parameter needs no change here.
        Services.AddSingleton(host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>());
        Services.AddSingleton(host.Services.GetRequiredService<IOptions<IdentityOptions>>());
        Services.AddSingleton(host.Services.GetRequiredService<IJobOrderSearch>());
        Services.AddSingleton(host.Services.GetRequiredService<ICandidateSearch>());
        Services.AddSingleton(host.Services.GetRequiredService<IDeskCounts>());
        Services.AddSingleton(host.Services.GetRequiredService<IAuditPages>());
        Services.AddSingleton(host.Services.GetRequiredService<IAuditAppender>());
        Services.AddSingleton(host.Services.GetRequiredService<IDashboardStatistics>());
        Services.AddSingleton(host.Services.GetRequiredService<AuditVerifier>());
        Services.AddSingleton(host.Services.GetRequiredService<RmaBackOffice.Features.Audit.Viewer.AuditValueNames>());
        Services.AddSingleton(host.Services.GetRequiredService<RmaBackOffice.Features.Backup.BackupService>());
        Services.AddSingleton(host.Services.GetRequiredService<IOptions<RmaBackOffice.Features.Backup.BackupOptions>>());
        Services.AddSingleton(host.Services.GetRequiredService<IDatabaseErrors>());
        Services.AddSingleton(host.Services.GetRequiredService<IDatabaseKeys>());
        Services.AddSingleton(host.Services.GetRequiredService<FirstResponseTarget>());
        Services.AddSingleton(host.Services.GetRequiredService<JobOrderArrivals>());
        Services.AddSingleton(host.Services.GetRequiredService<JobOrderIntakeWriter>());
        Services.AddSingleton(host.Services.GetRequiredService<RegistrationArrivals>());
        Services.AddSingleton(host.Services.GetRequiredService<RegistrationIntakeWriter>());
        Services.AddSingleton(host.Services.GetRequiredService<ResumeStore>());
        Services.AddSingleton(host.Services.GetRequiredService<IndustryOptions>());
        Services.AddSingleton(host.Services.GetRequiredService<IServiceScopeFactory>());
        foreach (var panel in host.Services.GetServices<RecordPanel>())
        {
            Services.AddSingleton(panel);
        }
        foreach (var linked in host.Services.GetServices<ILinkedCandidateRecords>())
        {
            Services.AddSingleton(linked);
        }
        Services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        Services.AddSingleton<IHttpContextAccessor, HttpContextAccessor>();
        Services.AddScoped<StaffGuard>();
        Services.AddScoped<ClientConnection>();
        Services.AddScoped<UnitOfWork>();
        Services.AddScoped<DashboardService>();
        Services.AddScoped<ActiveSearches>();
        Services.AddScoped<AdminFacts>();
        Services.AddScoped<DashboardCharts>();
        Services.AddScoped<StartPageOffices>();
        Services.AddSingleton(host.Services.GetRequiredService<RmaBackOffice.Features.Articles.Rendering.ArticleMarkdown>());
        Services.AddSingleton(host.Services.GetRequiredService<RmaBackOffice.Data.IArticleSearch>());
        Services.AddScoped<RmaBackOffice.Features.Articles.Workspace.ArticleService>();
        Services.AddSingleton(host.Services.GetRequiredService<RmaBackOffice.Features.Articles.Workspace.ArticlePresence>());
        Services.AddSingleton(host.Services.GetRequiredService<RmaBackOffice.Features.Articles.Images.ArticleImageProcessor>());
        Services.AddSingleton(host.Services.GetRequiredService<RmaBackOffice.Features.Articles.Images.ArticleImageStore>());
        Services.AddScoped<RmaBackOffice.Features.Articles.Images.ArticleImageService>();
        Services.AddSingleton(host.Services.GetRequiredService<RmaBackOffice.Features.Articles.Images.ArticleImageOptions>());
        Services.AddSingleton(host.Services.GetRequiredService<RmaBackOffice.Features.Articles.Public.NewsCache>());
        Services.AddScoped<EditorialCards>();
        Services.AddScoped<RmaBackOffice.Features.Offices.OfficeAdminService>();
        Services.AddScoped<RmaBackOffice.Features.Offices.HandlingOffices>();
        Services.AddScoped<JobOrderService>();
        Services.AddScoped<CandidateService>();
        Services.AddScoped<PipelineService>();
        Services.AddScoped<PendingRegistrationService>();
        Services.AddScoped(sp => new UserAdminService(
            sp.GetRequiredService<StaffGuard>(), sp.GetRequiredService<UnitOfWork>(), sp.GetRequiredService<IDbContextFactory<AppDbContext>>(),
            host.Services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System, NullLogger<UserAdminService>.Instance));

        // As in the app: pages run interactively on the server (the desks take live arrivals only then). Last, as it starts the renderer.
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    }
}
