using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.Routing.Template;
using RmaBackOffice.Data;

namespace RmaBackOffice.Components.Account;

/// <summary>
/// Where a person goes once signed in. The return address may have been left by someone else who signed out on a page
/// this person may not open (or written by a stranger): it is followed only if it is a path of this app that their
/// roles open, otherwise they land on their start page.
/// </summary>
internal sealed class SignInDestination(
    AppSignInManager signInManager,
    IUserClaimsPrincipalFactory<ApplicationUser> principals,
    EndpointDataSource endpoints,
    IAuthorizationPolicyProvider policies,
    IAuthorizationService authorization)
{
    public async Task<string> ForAsync(string? returnUrl)
    {
        if (LocalUrl.ToLocal(returnUrl) is not { } local || signInManager.SignedInUser is not { } user)
        {
            return "";
        }
        var endpoint = PageFor(local);
        if (endpoint is null || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return local;
        }
        var policy = await AuthorizationPolicy.CombineAsync(policies,
            endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(), endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>());
        if (policy is null)
        {
            return local;
        }
        var principal = await principals.CreateAsync(user);
        return (await authorization.AuthorizeAsync(principal, policy)).Succeeded ? local : "";
    }

    // The route that would answer a GET of this path; the one with the most literal segments wins, as in routing.
    private RouteEndpoint? PageFor(string local)
    {
        var path = "/" + local.Split('?', '#')[0].TrimStart('/');
        return endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } methods || methods.HttpMethods.Contains(HttpMethods.Get))
            .Where(e => new TemplateMatcher(new RouteTemplate(e.RoutePattern), new RouteValueDictionary()).TryMatch(path, new RouteValueDictionary()))
            .OrderByDescending(e => e.RoutePattern.PathSegments.Count(s => s.Parts is [RoutePatternLiteralPart]))
            .ThenBy(e => e.RoutePattern.PathSegments.Count(s => s.Parts.Any(p => p is RoutePatternParameterPart { IsCatchAll: true })))
            .FirstOrDefault();
    }
}
