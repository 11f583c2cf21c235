using System.Globalization;

namespace RmaBackOffice.Features.Candidates;

/// <summary>An executive who registered with the firm, and what recruiters know about them.</summary>
public sealed partial class Candidate : IAuditReferenced, IPersonalData
{
    public int Id { get; private set; }
    public string Reference { get; private set; } = "";

    public string AuditReference => Reference;

    public string PersonalDataSubject => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Candidate:{Id}");
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset LastActivityAt { get; private set; }

    public string FirstName { get; private set; } = "";
    public string LastName { get; private set; } = "";
    public string Email { get; private set; } = "";
    public string EmailKey { get; private set; } = "";
    public string? Phone { get; private set; }
    public string? PhoneKey { get; private set; }
    public string? City { get; private set; }
    public string Country { get; private set; } = "";
    public string CurrentTitle { get; private set; } = "";
    public string? CurrentEmployer { get; private set; }
    public PositionLevel Level { get; private set; }
    public string? Functions { get; private set; }
    public int? YearsOfExperience { get; private set; }
    public decimal? CurrentCompensation { get; private set; }
    public decimal? ExpectedCompensation { get; private set; }
    public string? Currency { get; private set; }
    public bool WillingToRelocate { get; private set; }
    public string? LinkedInUrl { get; private set; }
    public string? Summary { get; private set; }
    public string? Tags { get; private set; }

    public string ConsentVersion { get; private set; } = "";
    public DateTimeOffset ConsentedAt { get; private set; }
    public bool MarketingConsent { get; private set; }

    public string? ResumeFileName { get; private set; }
    public string? ResumeStoredName { get; private set; }
    public string? ResumeContentType { get; private set; }
    public long? ResumeSize { get; private set; }
    public string? ResumeText { get; private set; }
    public bool ResumeUnreadable { get; private set; }

    public CandidateStatus Status { get; private set; } = CandidateStatus.New;
    /// <summary>A later registration matched this candidate and waits for a recruiter to look at it.</summary>
    public bool NeedsReview { get; private set; }
    public bool IsSpam { get; private set; }
    public DateTimeOffset? ErasedAt { get; private set; }
    public int? MergedIntoId { get; private set; }

    /// <summary>The firm's office that looks after the candidate; suggested from the country, set by recruiters.</summary>
    public int? HandlingOfficeId { get; private set; }

    public int Version { get; private set; }

    public List<CandidateIndustry> Industries { get; private set; } = [];
    public List<CandidateRegistration> Registrations { get; private set; } = [];
    public List<PendingRegistration> PendingRegistrations { get; private set; } = [];
    public List<CandidateActivity> Activities { get; private set; } = [];

    private Candidate()
    {
    }

    public string FullName => $"{FirstName} {LastName}".Trim();

    public static Candidate Register(CandidateRegistrationForm form, StoredResume? resume, DateTimeOffset at, string? idempotencyKey)
    {
        var candidate = new Candidate
        {
            CreatedAt = at,
            LastActivityAt = at,
            FirstName = form.FirstName!.Trim(),
            LastName = form.LastName!.Trim(),
            Email = form.Email!.Trim(),
            EmailKey = CandidateKeys.Email(form.Email),
            Phone = Clean(form.Phone),
            PhoneKey = CandidateKeys.Phone(form.Phone),
            City = Clean(form.City),
            Country = form.Country!.Trim(),
            CurrentTitle = form.CurrentTitle!.Trim(),
            CurrentEmployer = Clean(form.CurrentEmployer),
            Level = Enum.Parse<PositionLevel>(form.Level!, ignoreCase: true),
            Functions = JoinList(form.Functions),
            YearsOfExperience = form.YearsOfExperience,
            CurrentCompensation = form.CurrentCompensation,
            ExpectedCompensation = form.ExpectedCompensation,
            Currency = Clean(form.Currency)?.ToUpperInvariant(),
            WillingToRelocate = form.WillingToRelocate,
            LinkedInUrl = Clean(form.LinkedInUrl),
            Summary = Clean(form.Summary),
            ConsentVersion = form.ConsentVersion!,
            ConsentedAt = at,
            MarketingConsent = form.MarketingConsent,
            IsSpam = !string.IsNullOrEmpty(form.Website2),
        };
        candidate.SetIndustries(form.Industries);
        candidate.AttachResume(resume);
        candidate.Registrations.Add(CandidateRegistration.From(form, resume, at, idempotencyKey, duplicate: false));
        candidate.Activities.Add(CandidateActivity.Make(at, Actor.Public, CandidateActivityKind.Registered,
            text: candidate.IsSpam ? "Flagged as spam by the registration form" : resume is { Unreadable: true } ? "The resume could not be read; it is stored but not searchable." : null));
        return candidate;
    }

    public void AssignReference() => Reference = string.Create(CultureInfo.InvariantCulture, $"CR-{CreatedAt.Year}-{Id:000000}");

    /// <summary>Gives a new candidate a key reserved for it (<see cref="RmaBackOffice.Data.IDatabaseKeys"/>) and the reference that follows from it.</summary>
    public void Identify(int id)
    {
        Id = id;
        AssignReference();
    }

    public void MoveTo(CandidateStatus to, Actor by, DateTimeOffset at)
    {
        if (to == Status)
        {
            return;
        }
        if (!CandidateWorkflow.CanMove(Status, to))
        {
            throw new CandidateRuleException($"A candidate cannot move from {Status.Label()} to {to.Label()}.");
        }
        Activities.Add(CandidateActivity.Make(at, by, CandidateActivityKind.StatusChanged, "Status", Status.Label(), to.Label()));
        Status = to;
        Touch(at);
    }

    /// <summary>
    /// A placement through a job order's pipeline is a fact the candidate's own status follows, from any open status;
    /// a closed (archived, erased or merged) record must be brought back first.
    /// </summary>
    public void Place(string jobOrderReference, Actor by, DateTimeOffset at)
    {
        if (ErasedAt is not null || MergedIntoId is not null || !CandidateWorkflow.IsOpen(Status))
        {
            throw new CandidateRuleException($"{Reference} is {Status.Label().ToLowerInvariant()}: move them back to Screened before placing them.");
        }
        if (Status == CandidateStatus.Placed)
        {
            return;
        }
        Activities.Add(CandidateActivity.Make(at, by, CandidateActivityKind.StatusChanged, "Status", Status.Label(), CandidateStatus.Placed.Label(),
            $"Placed through {jobOrderReference}."));
        Status = CandidateStatus.Placed;
        Touch(at);
    }

    public void AddNote(string text, Actor by, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new CandidateRuleException("Write the note first.");
        }
        if (text.Length > CandidateActivity.MaxTextLength)
        {
            throw new CandidateRuleException($"Keep a note under {CandidateActivity.MaxTextLength} characters.");
        }
        Activities.Add(CandidateActivity.Make(at, by, CandidateActivityKind.NoteAdded, text: text.Trim()));
        Touch(at);
    }

    /// <summary>How the timeline names a change of handling office.</summary>
    public const string HandlingOfficeField = "Handling office";

    /// <summary>Hands the candidate to one of the firm's offices (or to none), recorded on the timeline by the offices' names.</summary>
    public void AssignHandlingOffice(int? officeId, string? officeName, string? previousOfficeName, Actor by, DateTimeOffset at)
    {
        if (officeId == HandlingOfficeId)
        {
            return;
        }
        if (ErasedAt is not null || MergedIntoId is not null)
        {
            throw new CandidateRuleException($"{Reference} is {(ErasedAt is not null ? "erased" : "merged")}: it is no longer handled by an office.");
        }
        Activities.Add(CandidateActivity.Make(at, by, CandidateActivityKind.Edited, HandlingOfficeField, previousOfficeName, officeName));
        HandlingOfficeId = officeId;
        Touch(at);
    }

    public void MarkReviewed(Actor by, DateTimeOffset at)
    {
        if (!NeedsReview)
        {
            return;
        }
        NeedsReview = false;
        Activities.Add(CandidateActivity.Make(at, by, CandidateActivityKind.Edited, "Review", "Needed", "Done"));
        Touch(at);
    }

    public void Edit(CandidateEditForm form, Actor by, DateTimeOffset at)
    {
        var changes = new List<(string Field, string? Old, string? New)>();
        void Set<T>(string field, T current, T next, Action<T> assign)
        {
            if (!EqualityComparer<T>.Default.Equals(current, next))
            {
                changes.Add((field, current?.ToString(), next?.ToString()));
                assign(next);
            }
        }
        Set("First name", FirstName, form.FirstName!.Trim(), v => FirstName = v);
        Set("Last name", LastName, form.LastName!.Trim(), v => LastName = v);
        Set("Email", Email, form.Email!.Trim(), v => { Email = v; EmailKey = CandidateKeys.Email(v); });
        Set("Phone", Phone, Clean(form.Phone), v => { Phone = v; PhoneKey = CandidateKeys.Phone(v); });
        Set("City", City, Clean(form.City), v => City = v);
        Set("Country", Country, form.Country!.Trim(), v => Country = v);
        Set("Current title", CurrentTitle, form.CurrentTitle!.Trim(), v => CurrentTitle = v);
        Set("Current employer", CurrentEmployer, Clean(form.CurrentEmployer), v => CurrentEmployer = v);
        Set("Level", Level, Enum.Parse<PositionLevel>(form.Level!, true), v => Level = v);
        Set("Years of experience", YearsOfExperience, form.YearsOfExperience, v => YearsOfExperience = v);
        Set("Willing to relocate", WillingToRelocate, form.WillingToRelocate, v => WillingToRelocate = v);
        Set("LinkedIn", LinkedInUrl, Clean(form.LinkedInUrl), v => LinkedInUrl = v);
        Set("Summary", Summary, Clean(form.Summary), v => Summary = v);
        Set("Tags", Tags, JoinList(form.Tags), v => Tags = v);
        var industries = string.Join(", ", form.Industries.Order());
        var current = string.Join(", ", Industries.Select(i => i.Code).Order());
        if (industries != current)
        {
            changes.Add(("Industries", current, industries));
            SetIndustries(form.Industries);
        }
        if (changes.Count == 0)
        {
            return;
        }
        foreach (var (field, old, value) in changes)
        {
            Activities.Add(CandidateActivity.Make(at, by, CandidateActivityKind.Edited, field, old, value));
        }
        Touch(at);
    }

    /// <summary>Removes every personal detail; the record, its reference and pipeline history stay, anonymous.</summary>
    public void Erase(Actor by, DateTimeOffset at)
    {
        FirstName = "Erased";
        LastName = "candidate";
        Email = "";
        EmailKey = $"erased-{Id}";
        Phone = PhoneKey = City = CurrentEmployer = Functions = LinkedInUrl = Summary = Tags = null;
        Country = "";
        CurrentTitle = "";
        CurrentCompensation = ExpectedCompensation = null;
        Currency = null;
        YearsOfExperience = null;
        ResumeFileName = ResumeStoredName = ResumeContentType = ResumeText = null;
        ResumeSize = null;
        ResumeUnreadable = false;
        MarketingConsent = false;
        Industries.Clear();
        Registrations.Clear();
        PendingRegistrations.Clear();
        Activities.Clear();
        ErasedAt = at;
        Status = CandidateStatus.Archived;
        NeedsReview = false;
        Activities.Add(CandidateActivity.Make(at, by, CandidateActivityKind.Erased, text: "Personal data and files erased on request."));
        Version++;
    }

    public void MarkMergedInto(Candidate keeper, Actor by, DateTimeOffset at)
    {
        MergedIntoId = keeper.Id;
        Status = CandidateStatus.Archived;
        Activities.Add(CandidateActivity.Make(at, by, CandidateActivityKind.Merged, text: $"Merged into {keeper.Reference}."));
        Touch(at);
    }

    public void AbsorbMerged(Candidate other, Actor by, DateTimeOffset at)
    {
        Phone ??= other.Phone;
        PhoneKey ??= other.PhoneKey;
        City ??= other.City;
        CurrentEmployer ??= other.CurrentEmployer;
        LinkedInUrl ??= other.LinkedInUrl;
        Summary ??= other.Summary;
        if (ResumeStoredName is null && other.ResumeStoredName is not null)
        {
            ResumeFileName = other.ResumeFileName;
            ResumeStoredName = other.ResumeStoredName;
            ResumeContentType = other.ResumeContentType;
            ResumeSize = other.ResumeSize;
            ResumeText = other.ResumeText;
            ResumeUnreadable = other.ResumeUnreadable;
        }
        foreach (var code in other.Industries.Select(i => i.Code).Except(Industries.Select(i => i.Code)).ToList())
        {
            Industries.Add(new CandidateIndustry { Code = code });
        }
        Activities.Add(CandidateActivity.Make(at, by, CandidateActivityKind.Merged, text: $"{other.Reference} merged into this candidate; its history is kept there."));
        Touch(at);
    }

    public void Touch(DateTimeOffset at)
    {
        LastActivityAt = at;
        Version++;
    }

    private void SetIndustries(IEnumerable<string> codes)
    {
        Industries.Clear();
        foreach (var code in codes.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct())
        {
            Industries.Add(new CandidateIndustry { Code = code });
        }
    }

    private void AttachResume(StoredResume? resume)
    {
        if (resume is null)
        {
            return;
        }
        ResumeFileName = resume.OriginalFileName;
        ResumeStoredName = resume.StoredName;
        ResumeContentType = resume.ContentType;
        ResumeSize = resume.Size;
        ResumeText = resume.Text;
        ResumeUnreadable = resume.Unreadable;
    }

    private static string? JoinList(IEnumerable<string>? items)
    {
        var list = items?.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()).Distinct().ToList() ?? [];
        return list.Count == 0 ? null : string.Join(", ", list);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed class CandidateIndustry
{
    public int CandidateId { get; set; }
    public string Code { get; set; } = "";
}

public sealed class CandidateRuleException(string message) : Exception(message);

public static class CandidateKeys
{
    public static string Email(string? email) => (email ?? "").Trim().ToLowerInvariant();

    /// <summary>The digits of a phone number, for matching; null when too short to identify anyone.</summary>
    public static string? Phone(string? phone)
    {
        var digits = new string((phone ?? "").Where(char.IsAsciiDigit).ToArray());
        return digits.Length >= 7 ? digits : null;
    }
}
