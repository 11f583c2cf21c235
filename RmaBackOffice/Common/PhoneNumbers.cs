namespace RmaBackOffice.Common;

public static class PhoneNumbers
{
    /// <summary>Digits with the usual separators, and 7 to 15 digits in all (E.164's limit).</summary>
    public static bool IsWellFormed(string phone)
    {
        var trimmed = phone.Trim();
        if (trimmed.Any(c => !(char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')' or '.')))
        {
            return false;
        }
        if (trimmed.IndexOf('+', 1) >= 0)
        {
            return false;
        }
        var digits = trimmed.Count(char.IsAsciiDigit);
        return digits is >= 7 and <= 15;
    }
}
