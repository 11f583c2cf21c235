namespace RmaBackOffice.Common;

/// <summary>A record people name by a reference of its own (<c>JO-2026-000123</c>); the audit trail files its entries under it.</summary>
public interface IAuditReferenced
{
    string AuditReference { get; }
}

/// <summary>
/// A record that holds a person's personal data. Its audit entries are filed under that person (<c>Candidate:42</c>), so that
/// erasing the person removes their values from the trail too.
/// </summary>
public interface IPersonalData
{
    string PersonalDataSubject { get; }
}

/// <summary>
/// A record that only narrates a change to another record (a timeline line). The audit trail files it under its owner, and the
/// owner's entry takes its action (<c>JobOrder.StatusChanged</c>) and its note.
/// </summary>
public interface IAuditNarration
{
    Type OwnerType { get; }
    object OwnerKey { get; }
    string ActionName { get; }
    string? NoteText { get; }
}

/// <summary>A record, or a property, that the audit trail leaves out: technical state, secrets, derived copies.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Property)]
public sealed class NotAuditedAttribute : Attribute;
