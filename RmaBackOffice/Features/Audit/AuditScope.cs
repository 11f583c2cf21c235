using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;

namespace RmaBackOffice.Features.Audit;

/// <summary>Where a change came from: the client's address and agent, and the id that ties one request's or action's entries together.</summary>
public sealed record AuditOrigin(string? ClientIp, string? UserAgent, string CorrelationId);

/// <summary>
/// One command's audit context: who acts, from where, under which correlation, and the entries gathered from its saves until
/// they are appended to the chain with the command's commit.
/// </summary>
public sealed class AuditScope(Actor actor, AuditOrigin origin)
{
    private static readonly ConditionalWeakTable<DbContext, AuditScope> Scopes = new();

    public Actor Actor { get; } = actor;
    public AuditOrigin Origin { get; } = origin;

    internal List<PendingAuditEntry> Pending { get; } = [];
    internal Dictionary<object, string> NamedActions { get; } = new(ReferenceEqualityComparer.Instance);
    internal HashSet<string> ErasedSubjects { get; } = [];
    internal HashSet<object> Unrecorded { get; } = new(ReferenceEqualityComparer.Instance);
    internal Dictionary<object, AuditOrigin> Origins { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// The client a record's entries come from, where one command stores records sent by several (a group of public
    /// submissions, each from its own request): its address, agent and correlation instead of the command's.
    /// </summary>
    public void AttributeTo(object entity, AuditOrigin origin) => Origins[entity] = origin;

    internal AuditOrigin OriginOf(object? entity) => entity is not null && Origins.TryGetValue(entity, out var origin) ? origin : Origin;

    /// <summary>
    /// A change the trail already holds in substance and need not repeat: a session's rolling autosave, after its first
    /// entry. The record is still written; only its entry is left out.
    /// </summary>
    public void LeaveUnrecorded(object entity) => Unrecorded.Add(entity);

    /// <summary>
    /// The person's personal values leave the trail with this command: every value filed under them is erased (the entries
    /// and their digests stay), and this command's own entries about them record which fields changed, not the values.
    /// </summary>
    public void EraseSubject(string subject) => ErasedSubjects.Add(subject);

    /// <summary>The transaction this scope began on a save of its own (no unit of work around it): committed with that save.</summary>
    internal IDbContextTransaction? OwnTransaction { get; set; }

    /// <summary>A scope the interceptor made for one save outside a unit of work; it ends with that save.</summary>
    internal bool DetachAfterSave { get; set; }

    /// <summary>Whether the save under way turned off change detection after collecting, to be turned on again when it ends.</summary>
    internal bool RestoreDetection { get; set; }

    public static AuditScope? For(DbContext db) => Scopes.TryGetValue(db, out var scope) ? scope : null;

    public void Attach(DbContext db) => Scopes.AddOrUpdate(db, this);

    public static void Detach(DbContext db) => Scopes.Remove(db);

    /// <summary>Names the action a change to this entity stands for (<c>JobOrder.Merged</c>), instead of the generic Changed.</summary>
    public void Name(object entity, string action) => NamedActions[entity] = action;

    /// <summary>An entry that is not a change to a tracked record: a read of personal data, an export, a sign-in.</summary>
    public void Record(string action, string entityType, string? entityId, string? reference = null, string? subject = null,
        params (string Field, string? Old, string? New)[] changes)
    {
        var entry = new PendingAuditEntry(entityType, action) { EntityId = entityId, Reference = reference, Subject = subject };
        foreach (var (field, old, @new) in changes)
        {
            entry.Set(field, AuditValues.Format(old), AuditValues.Format(@new));
        }
        Pending.Add(entry);
    }
}

/// <summary>An entry gathered from a save, completed (keys, reference) when the chain is appended.</summary>
internal sealed class PendingAuditEntry(string entityType, string action)
{
    public string EntityType { get; } = entityType;
    public string Action { get; set; } = action;
    public EntityEntry? Source { get; init; }
    public Type? OwnerType { get; init; }
    public object? OwnerKey { get; init; }
    public string? EntityId { get; set; }
    public string? Reference { get; set; }
    public string? Subject { get; set; }
    public bool Created { get; init; }
    public List<(string Field, string? Old, string? New)> Fields { get; } = [];

    public void Set(string field, string? old, string? @new)
    {
        var at = Fields.FindIndex(f => f.Field == field);
        if (at < 0)
        {
            Fields.Add((field, old, @new));
        }
        else
        {
            // A second save in the same command moves the field on; the entry keeps where it started.
            Fields[at] = (field, Fields[at].Old, @new);
        }
    }
}
