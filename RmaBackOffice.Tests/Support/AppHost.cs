using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;

namespace RmaBackOffice.Tests.Support;

/// <summary>
/// The real app over a throwaway SQLite database of its own. Share one per test class (IClassFixture&lt;AppHost&gt;);
/// tests create their own users and data, so they do not depend on each other.
/// </summary>
public class AppHost : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminEmail = "first.admin@test.local";
    public const string AdminPassword = "First-Admin-Password-1";
    public const string DefaultPassword = "Correct-Horse-Battery-9";

    private readonly string dataFolder = Path.Combine(Path.GetTempPath(), "rma-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Override to put the app on a real Kestrel port for the browser.</summary>
    protected virtual bool UseRealServer => false;

    public string DatabasePath => Path.Combine(dataFolder, "rma.db");

    /// <summary>The app's own clock, so test data is dated the way the app dates it.</summary>
    public DateTimeOffset Now => Services.GetRequiredService<TimeProvider>().GetUtcNow();

    /// <summary>The app's base address; for a real server, http://127.0.0.1:port.</summary>
    public Uri BaseAddress { get; private set; } = new("http://localhost");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:DefaultConnection", $"Data Source={DatabasePath}");
        builder.UseSetting("Bootstrap:AdminEmail", AdminEmail);
        builder.UseSetting("Bootstrap:AdminPassword", AdminPassword);
        builder.UseSetting("Seed:Demo", "false");
        builder.UseSetting("Candidates:ResumeFolder", Path.Combine(dataFolder, "resumes"));
        builder.UseSetting("Articles:Images:Folder", Path.Combine(dataFolder, "article-images"));
        builder.UseSetting("Security:RevalidationSeconds", "2");
        builder.UseSetting("Backup:Hours", "0");
        builder.UseSetting("Backup:Folder", Path.Combine(dataFolder, "backups"));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        ConfigureTestSettings(builder);
    }

    protected virtual void ConfigureTestSettings(IWebHostBuilder builder)
    {
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(dataFolder);
        if (UseRealServer)
        {
            UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            BaseAddress = new Uri(address);
        }
        else
        {
            _ = Server;
        }
        await Task.CompletedTask;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the OS is left for the temp cleaner; it does not affect other tests.
        }
    }

    /// <summary>An HTTP client that keeps cookies and shows redirects instead of following them.</summary>
    public HttpClient CreateBrowserlessClient(CookieContainer? cookies = null) =>
        CreateDefaultClient(BaseAddress, new CookieContainerHandler(cookies ?? new CookieContainer()));

    public async Task<ApplicationUser> CreateUserAsync(string email, string[] roles, string password = DefaultPassword, string? displayName = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName ?? email.Split('@')[0],
            CreatedAt = Now,
            LockoutEnabled = true,
        };
        var result = await userManager.CreateAsync(user, password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        if (roles.Length > 0)
        {
            await userManager.AddToRolesAsync(user, roles);
        }
        return user;
    }

    /// <summary>A fresh user with a unique email in the given roles.</summary>
    public Task<ApplicationUser> CreateStaffAsync(params string[] roles) =>
        CreateUserAsync($"{string.Join("-", roles).ToLowerInvariant()}-{Guid.NewGuid():N}@test.local".Replace("--", "-"), roles);

    public async Task<T> WithUserManagerAsync<T>(Func<UserManager<ApplicationUser>, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>());
    }
}

/// <summary>The app on a real Kestrel port on 127.0.0.1, for Playwright.</summary>
public class KestrelAppHost : AppHost
{
    protected override bool UseRealServer => true;
}
