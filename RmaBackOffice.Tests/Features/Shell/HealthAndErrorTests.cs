using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.Shell;

/// <summary>A host with one extra route that fails, to see what a person is shown when something breaks.</summary>
public class FailingAppHost : AppHost
{
    public const string FailingPath = "/test/fail";

    protected override void ConfigureTestSettings(IWebHostBuilder builder) =>
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, FailingRouteFilter>());

    private sealed class FailingRouteFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((context, nextMiddleware) => context.Request.Path == FailingPath
                ? throw new InvalidOperationException("Sensitive internal detail: connection string xyz")
                : nextMiddleware());
        };
    }
}

public class HealthAndErrorTests(FailingAppHost host) : IClassFixture<FailingAppHost>
{
    [Fact]
    public async Task Health_is_200_when_the_database_answers()
    {
        var response = await host.CreateBrowserlessClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unknown_routes_show_the_styled_not_found_page()
    {
        var response = await host.CreateBrowserlessClient().GetAsync("/no/such/page");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Page not found", html);
        Assert.Contains("mud-paper", html);
    }

    [Fact]
    public async Task A_post_to_an_unknown_route_keeps_its_status_instead_of_a_page()
    {
        var response = await host.CreateBrowserlessClient().PostAsync("/no/such/endpoint", new StringContent("{}"));
        // The Blazor page route answers GET for any path, so a POST there is "method not allowed".
        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, response.StatusCode.ToString());
        Assert.DoesNotContain("Page not found", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unhandled_error_shows_a_correlation_id_and_never_the_exception()
    {
        var response = await host.CreateBrowserlessClient().GetAsync(FailingAppHost.FailingPath);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Something went wrong", html);
        Assert.Matches("data-testid=\"correlation-id\"[^>]*>[^<]*<[^>]*>[0-9a-f]{32}|[0-9a-f]{32}", html);
        Assert.DoesNotContain("Sensitive internal detail", html);
        Assert.DoesNotContain("InvalidOperationException", html);
        Assert.DoesNotContain(" at ", html.Replace("data-testid", ""));
    }
}

/// <summary>A host whose database file is removed after start-up, so health must say 503.</summary>
public class HealthWithoutDatabaseTests(AppHost host) : IClassFixture<AppHost>
{
    [Fact]
    public async Task Health_is_503_when_the_database_is_unreachable()
    {
        var client = host.CreateBrowserlessClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(host.DatabasePath);
        Directory.Delete(Path.GetDirectoryName(host.DatabasePath)!, recursive: true);

        var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }
}
