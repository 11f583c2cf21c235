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
        // Leading or trailing spaces are trimmed by URI parsers (" //evil" becomes "//evil"), so they are refused outright.
        if (string.IsNullOrEmpty(url) || url.Any(char.IsControl) || url.Trim().Length != url.Length)
        {
            return null;
        }
        if (baseUri is not null
            && url.StartsWith(baseUri.GetLeftPart(UriPartial.Authority) + "/", StringComparison.OrdinalIgnoreCase)
            && Uri.TryCreate(url, UriKind.Absolute, out var absolute)
            && baseUri.IsBaseOf(absolute))
        {
            // The made-relative form passes the same checks ("http://app/\\evil" would otherwise become "//evil").
            return StaysHere(ToLocal(baseUri.MakeRelativeUri(absolute).OriginalString));
        }
        return StaysHere(Relative(url));
    }

    /// <summary>The last word: resolved against a base, the address must still be on that base's host.</summary>
    private static string? StaysHere(string? local)
    {
        var probe = new Uri("http://app.invalid/base/");
        return local is not null && Uri.TryCreate(probe, local, out var resolved)
            && resolved.Scheme == probe.Scheme && resolved.Authority == probe.Authority ? local : null;
    }

    private static string? Relative(string url)
    {
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
