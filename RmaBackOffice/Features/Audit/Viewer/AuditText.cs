namespace RmaBackOffice.Features.Audit.Viewer;

/// <summary>How the viewer and the export write a field's change.</summary>
public static class AuditText
{
    public const string Erased = "erased";

    public static string Value(AuditFieldChange change, string? value) => change.Erased ? Erased : value ?? "(empty)";

    public static string Describe(AuditFieldChange change) =>
        $"{change.Field}: {Value(change, change.OldValue)} → {Value(change, change.NewValue)}";
}
