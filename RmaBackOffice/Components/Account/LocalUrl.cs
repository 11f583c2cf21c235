namespace RmaBackOffice.Components.Account;

/// <summary>Return addresses come from the query string, so anyone can write them: only a path of this app is followed.</summary>
internal static class LocalUrl
{
    /// <summary>
    /// The address as a path of this app ("/job-orders?status=New", "Account/Lockout"), or null for anything that could
    /// lead elsewhere: another host (absolute, "//host", "/\host"), a scheme ("javascript:"), control characters.
    /// An absolute address on this app's own base is made base-relative.
    /// </summary>
    public static string? ToLocal(string? url, Uri? baseUri = null)
    {
        if (string.IsNullOrEmpty(url) || url.Any(char.IsControl))
        {
            return null;
        }
        if (baseUri is not null
            && url.StartsWith(baseUri.GetLeftPart(UriPartial.Authority) + "/", StringComparison.OrdinalIgnoreCase)
            && Uri.TryCreate(url, UriKind.Absolute, out var absolute)
            && baseUri.IsBaseOf(absolute))
        {
            return baseUri.MakeRelativeUri(absolute).OriginalString;
        }
        if (url.StartsWith('/'))
        {
            return url.Length == 1 || (url[1] != '/' && url[1] != '\\') ? url : null;
        }
        if (url.StartsWith('\\') || url.StartsWith('~'))
        {
            return null;
        }
        // A relative path has no scheme: a colon may only appear after its path, query or fragment has begun.
        var colon = url.IndexOf(':');
        var pathEnd = url.IndexOfAny(['/', '?', '#']);
        return colon < 0 || (pathEnd >= 0 && pathEnd < colon) ? url : null;
    }
}
