namespace RmaBackOffice.Features.Audit.Viewer;

/// <summary>How the viewer and the export write a field's change.</summary>
public static class AuditText
{
    public const string Erased = "erased";

    public static string Value(AuditFieldChange change, string? value) => change.Erased ? Erased : value ?? "(empty)";

    public static string Old(AuditFieldChange change) => Named(change.OldName, Value(change, change.OldValue));

    public static string New(AuditFieldChange change) => Named(change.NewName, Value(change, change.NewValue));

    public static string Describe(AuditFieldChange change) => $"{change.Field}: {Old(change)} → {New(change)}";

    private static string Named(string? name, string value) => name is null ? value : $"{name} ({value})";
}
