using Microsoft.AspNetCore.Components;

namespace RmaBackOffice.Components.Shared;

/// <summary>What a native field's change event chose: its trimmed text, or null for an empty choice ("Any", "No owner").</summary>
public static class FieldChoice
{
    public static string? Chosen(this ChangeEventArgs e) => e.Value?.ToString()?.Trim() is { Length: > 0 } value ? value : null;
}
