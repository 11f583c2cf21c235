namespace RmaBackOffice.Common;

public static class EmailAddresses
{
    /// <summary>One @, no spaces, and a dot in the domain: stricter than [EmailAddress], which takes "a@b".</summary>
    public const string Pattern = @"^\s*[^@\s]+@[^@\s.]+(\.[^@\s.]+)+\s*$";
}
