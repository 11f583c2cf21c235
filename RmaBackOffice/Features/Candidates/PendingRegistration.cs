
namespace RmaBackOffice.Features.Candidates;

public enum PendingRegistrationStatus
{
    Pending,
    /// <summary>Reviewed, and at least one of its values was taken onto the candidate.</summary>
    Applied,
    /// <summary>Reviewed, and none of its values was taken.</summary>
    Dismissed,
}

/// <summary>A value a registration brings that a recruiter may take onto the candidate, one at a time.</summary>
public enum RegistrationValue
{
    Title,
    Employer,
    Summary,
    Phone,
    Resume,
    Consent,
}

/// <summary>
/// A registration that matched a known candidate by email or phone. Anyone who knows someone's email can send one, so
/// nothing it carries reaches the candidate's record until a recruiter takes it, value by value; until then it waits
/// beside the record. The values are copied from the submission (the registration keeps the whole form as it arrived).
/// </summary>
public sealed class PendingRegistration : IPersonalData
{
    public long Id { get; private set; }
    public int CandidateId { get; private set; }

    public string PersonalDataSubject => $"Candidate:{CandidateId}";
    public long RegistrationId { get; private set; }
    /// <summary>The registration it came with, which holds the receipt reference the registrant was given.</summary>
    public CandidateRegistration Registration { get; private set; } = null!;
    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>The name and email as sent: shown so the recruiter can tell whether it is the same person, never applied.</summary>
    public string FullName { get; private set; } = "";
    public string Email { get; private set; } = "";

    public string CurrentTitle { get; private set; } = "";
    public string? CurrentEmployer { get; private set; }
    public string? Summary { get; private set; }
    public string? Phone { get; private set; }

    public string? ResumeFileName { get; private set; }
    public string? ResumeStoredName { get; private set; }
    public string? ResumeContentType { get; private set; }
    public long? ResumeSize { get; private set; }
    public string? ResumeText { get; private set; }
    public bool ResumeUnreadable { get; private set; }

    public string ConsentVersion { get; private set; } = "";
    public bool MarketingConsent { get; private set; }

    public PendingRegistrationStatus Status { get; private set; }
    /// <summary>The values taken onto the candidate so far, comma-separated names of <see cref="RegistrationValue"/>.</summary>
    public string? Taken { get; private set; }
    public DateTimeOffset? ReviewedAt { get; private set; }
    public string? ReviewedBy { get; private set; }

    private PendingRegistration()
    {
    }

    internal static PendingRegistration From(CandidateRegistration registration, CandidateRegistrationForm form, StoredResume? resume, DateTimeOffset at) => new()
    {
        Registration = registration,
        ReceivedAt = at,
        FullName = $"{form.FirstName?.Trim()} {form.LastName?.Trim()}".Trim(),
        Email = form.Email?.Trim() ?? "",
        CurrentTitle = form.CurrentTitle?.Trim() ?? "",
        CurrentEmployer = Clean(form.CurrentEmployer),
        Summary = Clean(form.Summary),
        Phone = Clean(form.Phone),
        ResumeFileName = resume?.OriginalFileName,
        ResumeStoredName = resume?.StoredName,
        ResumeContentType = resume?.ContentType,
        ResumeSize = resume?.Size,
        ResumeText = resume?.Text,
        ResumeUnreadable = resume?.Unreadable ?? false,
        ConsentVersion = form.ConsentVersion ?? "",
        MarketingConsent = form.MarketingConsent,
        Status = PendingRegistrationStatus.Pending,
    };

    public string Receipt => Registration.Receipt ?? "";

    public IReadOnlyList<RegistrationValue> TakenValues =>
        (Taken ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<RegistrationValue>).ToList();

    /// <summary>A merge brings the registration, still to review, to the candidate that is kept.</summary>
    internal void MoveTo(Candidate keeper) => CandidateId = keeper.Id;

    internal void MarkTaken(RegistrationValue value)
    {
        if (!TakenValues.Contains(value))
        {
            Taken = string.Join(",", TakenValues.Append(value));
        }
    }

    /// <summary>Ends the review: Applied when something was taken, Dismissed otherwise.</summary>
    internal void Close(Actor by, DateTimeOffset at)
    {
        Status = TakenValues.Count > 0 ? PendingRegistrationStatus.Applied : PendingRegistrationStatus.Dismissed;
        ReviewedAt = at;
        ReviewedBy = by.Name;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
