using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RmaBackOffice.Common;

/// <summary>
/// One entry of an append-only timeline (a job order's, a candidate's): who did what and when, with the old and new value
/// of a changed field or a note's text. Each owner keeps its own table and its own kinds.
/// </summary>
public abstract class TimelineRecord<TKind> : IAuditNarration where TKind : struct, Enum
{
    public const int MaxTextLength = 4000;
    private const int MaxValueLength = 1000;

    public long Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public TKind Kind { get; private set; }
    public string? ActorId { get; private set; }
    public string ActorName { get; private set; } = "";
    public string? Field { get; private set; }
    public string? OldValue { get; private set; }
    public string? NewValue { get; private set; }
    public string? Text { get; private set; }

    public abstract Type OwnerType { get; }
    public abstract object OwnerKey { get; }
    public string ActionName => $"{OwnerType.Name}.{Kind}";
    public string? NoteText => Text;

    protected void Record(DateTimeOffset at, string? actorId, string actorName, TKind kind, string? field, string? old, string? value, string? text)
    {
        At = at;
        ActorId = actorId;
        ActorName = actorName;
        Kind = kind;
        Field = field;
        OldValue = Cut(old);
        NewValue = Cut(value);
        Text = text;
    }

    // Old and new values are for reading at a glance; a long description is cut, the record of the change is not.
    private static string? Cut(string? value) => value is { Length: > MaxValueLength } ? value[..MaxValueLength] + "…" : value;

    /// <summary>The column limits every timeline table shares.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000", Justification = "Called from each timeline's entity configuration, where TKind is already named.")]
    public static void ConfigureColumns<TRecord>(EntityTypeBuilder<TRecord> record) where TRecord : TimelineRecord<TKind>
    {
        record.Property(a => a.ActorName).HasMaxLength(200);
        record.Property(a => a.ActorId).HasMaxLength(450);
        record.Property(a => a.Field).HasMaxLength(100);
        record.Property(a => a.OldValue).HasMaxLength(MaxValueLength + 1);
        record.Property(a => a.NewValue).HasMaxLength(MaxValueLength + 1);
        record.Property(a => a.Text).HasMaxLength(MaxTextLength);
    }
}
