namespace RmaBackOffice.Common;

/// <summary>The outcome of a recruiter's command: done, refused with a message, or refused per field.</summary>
public sealed record CommandResult(string? Error = null, IReadOnlyDictionary<string, string[]>? FieldErrors = null, bool Conflict = false)
{
    public bool Succeeded => Error is null && (FieldErrors is null || FieldErrors.Count == 0);

    public static readonly CommandResult Ok = new();

    /// <summary>The record's version the command found, when it changed one record; a page uses it to tell its own change from another person's.</summary>
    public int? ActedOn { get; init; }

    /// <summary>The record's version the command left.</summary>
    public int? ActedTo { get; init; }

    public const string ConflictMessage = "Not saved: someone else changed this job order while you were editing.";

    public static CommandResult Stale() => new(ConflictMessage, Conflict: true);

    /// <summary>Refused because the record changed since the caller read it, in the words of the record concerned.</summary>
    public static CommandResult Stale(string message) => new(message, Conflict: true);

    public static CommandResult Fail(string error) => new(error);

    public static CommandResult Invalid(IReadOnlyDictionary<string, string[]> errors) => new(FieldErrors: errors);

    /// <summary>A password the server generated, shown once to the admin who asked for it.</summary>
    public string? OneTimePassword { get; init; }

    /// <summary>A secret the server generated (a preview link's token), shown once to the person who asked for it and kept only as a hash.</summary>
    public string? OneTimeToken { get; init; }

    /// <summary>The id of the record the command created.</summary>
    public string? CreatedId { get; init; }
}
