namespace RmaBackOffice.Common;

/// <summary>How a timeline says that one field changed, in the words a person would use.</summary>
public static class TimelineText
{
    public static string FieldChange(string? field, string? oldValue, string? newValue) =>
        (string.IsNullOrEmpty(oldValue), string.IsNullOrEmpty(newValue)) switch
        {
            (true, true) => $"{field} left empty",
            (true, false) => $"{field} set to {newValue}",
            (false, true) => $"{field} cleared (was {oldValue})",
            _ => $"{field} changed from {oldValue} to {newValue}",
        };
}
