using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RmaBackOffice.Data;
using RmaBackOffice.Tests.Support;
using Entry = RmaBackOffice.Tests.Features.Authorization.AuthorizationMatrix.Entry;

namespace RmaBackOffice.Tests.Features.Authorization;

public class AuthorizationMatrixTests(AppHost host) : IClassFixture<AppHost>
{
    private static readonly string?[] Callers = [null, Roles.Recruiter, Roles.Editor, Roles.Admin];

    // Framework plumbing, not features: the Blazor circuit hub, the framework's scripts and the static files.
    private static readonly string[] FrameworkPrefixes = ["/_blazor", "/_framework", "/_content"];

    [Fact]
    public void Every_routable_page_is_in_the_matrix()
    {
        var pages = typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<Microsoft.AspNetCore.Components.RouteAttribute>().Select(r => r.Template))
            .Distinct()
            .ToList();
        Assert.NotEmpty(pages);

        var missing = pages.Where(p => !AuthorizationMatrix.Entries.Any(e => e.Method == "GET" && Same(e.Route, p))).ToList();
        Assert.True(missing.Count == 0, $"Pages missing from the authorization matrix: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Every_mapped_endpoint_is_in_the_matrix_with_the_access_its_metadata_declares()
    {
        var endpoints = FeatureEndpoints().ToList();
        Assert.NotEmpty(endpoints);

        var problems = new List<string>();
        foreach (var (method, route, endpoint) in endpoints)
        {
            var entry = AuthorizationMatrix.Entries.FirstOrDefault(e => e.Method == method && Same(e.Route, route));
            if (entry is null)
            {
                problems.Add($"{method} {route} is not in the authorization matrix");
                continue;
            }
            var declared = DeclaredAccess(endpoint);
            if (declared != entry.Access)
            {
                problems.Add($"{method} {route}: matrix says {entry.Access}, endpoint declares {declared}");
            }
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Every_matrix_entry_still_exists()
    {
        var routes = FeatureEndpoints().Select(e => (e.Method, e.Route)).ToList();
        var stale = AuthorizationMatrix.Entries.Where(e => !routes.Any(r => r.Method == e.Method && Same(r.Route, e.Route))).ToList();
        Assert.True(stale.Count == 0, $"Matrix entries with no endpoint: {string.Join(", ", stale.Select(s => $"{s.Method} {s.Route}"))}");
    }

    public static TheoryData<string, string> GetRoutesByCaller()
    {
        var data = new TheoryData<string, string>();
        foreach (var entry in AuthorizationMatrix.Entries.Where(e => e.Method == "GET"))
        {
            foreach (var caller in Callers)
            {
                data.Add(entry.Route, caller ?? "Anonymous");
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(GetRoutesByCaller))]
    public async Task Each_caller_is_allowed_or_refused_as_the_matrix_declares(string route, string caller)
    {
        var entry = AuthorizationMatrix.Entries.Single(e => e.Method == "GET" && e.Route == route);
        var role = caller == "Anonymous" ? null : caller;
        var client = role is null ? host.CreateBrowserlessClient() : await host.ClientForAsync(role);

        var response = await client.GetAsync(entry.SampleUrl ?? entry.Route);
        var redirectedTo = response.Headers.Location is { } location ? new Uri(host.BaseAddress, location).AbsolutePath : null;

        if (AuthorizationMatrix.Allows(entry.Access, role))
        {
            // A sign-in challenge names the refused page to come back to; a page sending on someone who lacks its state
            // (the second sign-in step without the first) does not.
            var challenged = redirectedTo == "/Account/Login"
                && response.Headers.Location!.OriginalString.Contains("ReturnUrl=", StringComparison.OrdinalIgnoreCase);
            Assert.True(!challenged && redirectedTo is not "/Account/AccessDenied"
                        && response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                        && (int)response.StatusCode < 500,
                $"{caller} should reach {route} but got {(int)response.StatusCode} {redirectedTo}");
        }
        else if (role is null)
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/Account/Login", redirectedTo);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/Account/AccessDenied", redirectedTo);
        }
    }

    private IEnumerable<(string Method, string Route, Endpoint Endpoint)> FeatureEndpoints()
    {
        var dataSource = host.Services.GetRequiredService<EndpointDataSource>();
        foreach (var endpoint in dataSource.Endpoints.OfType<RouteEndpoint>())
        {
            var route = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (FrameworkPrefixes.Any(route.StartsWith) || IsStaticFile(endpoint))
            {
                continue;
            }
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            // Razor component pages answer GET and POST (forms); one GET row stands for both.
            var isPage = endpoint.Metadata.Any(m => m.GetType().Name == "ComponentTypeMetadata");
            foreach (var method in isPage ? ["GET"] : methods)
            {
                yield return (method, route, endpoint);
            }
        }
    }

    // Static assets, and the fallback that serves files from wwwroot (its route only matches paths with a file extension).
    private static bool IsStaticFile(Endpoint endpoint) =>
        endpoint.Metadata.Any(m => m.GetType().Name == "StaticAssetDescriptor")
        || endpoint is RouteEndpoint { RoutePattern.RawText: "/{**path:file}" or "{**path:file}" };

    private static Access DeclaredAccess(Endpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return Access.Public;
        }
        var authorize = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
        if (authorize.Count == 0)
        {
            return Access.Public;
        }
        var policy = authorize.Select(a => a.Policy).LastOrDefault(p => p is not null);
        return policy switch
        {
            null => Access.SignedIn,
            Policies.Staff => Access.Staff,
            Policies.Triage => Access.Triage,
            Policies.Editorial => Access.Editorial,
            Policies.Admin => Access.Admin,
            _ => throw new InvalidOperationException($"Unknown policy {policy} on {endpoint.DisplayName}"),
        };
    }

    private static bool Same(string a, string b) =>
        string.Equals(a.TrimEnd('/'), b.TrimEnd('/'), StringComparison.OrdinalIgnoreCase) || (a == "/" && b == "/");
}
