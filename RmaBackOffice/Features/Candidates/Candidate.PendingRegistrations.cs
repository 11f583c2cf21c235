
namespace RmaBackOffice.Features.Candidates;

/// <summary>A known candidate registering again: what arrives waits beside the record until a recruiter takes it.</summary>
public sealed partial class Candidate
{
    /// <summary>
    /// A registration whose email or phone matches this candidate. Anyone who knows an email can send one, so nothing it
    /// carries is applied: it is kept as a pending registration for a recruiter to review, and the desk flags the record.
    /// </summary>
    public CandidateRegistration ReceiveRegistration(CandidateRegistrationForm form, StoredResume? resume, DateTimeOffset at, string? idempotencyKey)
    {
        var registration = CandidateRegistration.From(form, resume, at, idempotencyKey, duplicate: true);
        Registrations.Add(registration);
        PendingRegistrations.Add(PendingRegistration.From(registration, form, resume, at));
        Activities.Add(CandidateActivity.Make(at, Actor.Public, CandidateActivityKind.Registered,
            text: "Registered again: the values sent wait for review beside the current ones. Nothing on this record was changed."));
        // A flag for the desk, not an edit: the version stays, so a stranger's submission cannot make a recruiter's open
        // form stale, and last activity stays, so it cannot hold the record back from the retention review either.
        NeedsReview = true;
        return registration;
    }

    /// <summary>The values a pending registration brings that differ from this record and are not yet taken.</summary>
    public IReadOnlyList<RegistrationValue> NewValuesIn(PendingRegistration pending)
    {
        var taken = pending.TakenValues;
        var offered = new List<RegistrationValue>();
        void Offer(RegistrationValue value, bool differs)
        {
            if (differs && !taken.Contains(value))
            {
                offered.Add(value);
            }
        }
        Offer(RegistrationValue.Title, pending.CurrentTitle.Length > 0 && pending.CurrentTitle != CurrentTitle);
        Offer(RegistrationValue.Employer, pending.CurrentEmployer is not null && pending.CurrentEmployer != CurrentEmployer);
        Offer(RegistrationValue.Summary, pending.Summary is not null && pending.Summary != Summary);
        Offer(RegistrationValue.Phone, pending.Phone is not null && pending.Phone != Phone);
        Offer(RegistrationValue.Resume, pending.ResumeStoredName is not null && pending.ResumeStoredName != ResumeStoredName);
        Offer(RegistrationValue.Consent, pending.ConsentVersion.Length > 0
            && (pending.ConsentVersion != ConsentVersion || pending.MarketingConsent != MarketingConsent));
        return offered;
    }

    /// <summary>
    /// Takes one value of a pending registration onto this record, with a timeline entry naming its receipt. Once nothing
    /// new is left in it, the registration is closed as applied.
    /// </summary>
    public void TakeFromRegistration(PendingRegistration pending, RegistrationValue value, Actor by, DateTimeOffset at)
    {
        RequirePending(pending);
        if (!NewValuesIn(pending).Contains(value))
        {
            throw new CandidateRuleException("This registration brings nothing new for that value.");
        }
        var text = $"Taken from registration {pending.Receipt}.";
        void Record(string field, string? old, string? next) =>
            Activities.Add(CandidateActivity.Make(at, by, CandidateActivityKind.Edited, field, old, next, text));
        switch (value)
        {
            case RegistrationValue.Title:
                Record("Current title", CurrentTitle, pending.CurrentTitle);
                CurrentTitle = pending.CurrentTitle;
                break;
            case RegistrationValue.Employer:
                Record("Current employer", CurrentEmployer, pending.CurrentEmployer);
                CurrentEmployer = pending.CurrentEmployer;
                break;
            case RegistrationValue.Summary:
                Record("Summary", Summary, pending.Summary);
                Summary = pending.Summary;
                break;
            case RegistrationValue.Phone:
                Record("Phone", Phone, pending.Phone);
                Phone = pending.Phone;
                PhoneKey = CandidateKeys.Phone(pending.Phone);
                break;
            case RegistrationValue.Resume:
                Record("Resume", ResumeFileName, pending.ResumeFileName);
                AttachResume(new StoredResume(pending.ResumeFileName ?? "resume", pending.ResumeStoredName!,
                    pending.ResumeContentType ?? "application/octet-stream", pending.ResumeSize ?? 0, pending.ResumeUnreadable ? null : pending.ResumeText));
                break;
            case RegistrationValue.Consent:
                Record("Consent", ConsentText(ConsentVersion, MarketingConsent), ConsentText(pending.ConsentVersion, pending.MarketingConsent));
                ConsentVersion = pending.ConsentVersion;
                ConsentedAt = pending.ReceivedAt;
                MarketingConsent = pending.MarketingConsent;
                break;
        }
        pending.MarkTaken(value);
        Touch(at);
        if (NewValuesIn(pending).Count == 0)
        {
            CloseRegistration(pending, by, at);
        }
    }

    /// <summary>Ends the review of a pending registration, whatever is left untaken; applied if anything was taken, else dismissed.</summary>
    public void CloseRegistration(PendingRegistration pending, Actor by, DateTimeOffset at)
    {
        RequirePending(pending);
        pending.Close(by, at);
        var taken = pending.TakenValues;
        Activities.Add(CandidateActivity.Make(at, by, CandidateActivityKind.Edited, "Registration " + pending.Receipt, "Pending",
            pending.Status.ToString(), taken.Count == 0 ? "Nothing was taken from it." : $"Taken: {string.Join(", ", taken.Select(Label))}."));
        Touch(at);
        if (NeedsReview && PendingRegistrations.All(p => p.Status != PendingRegistrationStatus.Pending))
        {
            MarkReviewed(by, at);
        }
    }

    public static string Label(RegistrationValue value) => value switch
    {
        RegistrationValue.Title => "title",
        RegistrationValue.Employer => "employer",
        RegistrationValue.Summary => "summary",
        RegistrationValue.Phone => "phone",
        RegistrationValue.Resume => "resume",
        RegistrationValue.Consent => "consent",
        _ => value.ToString(),
    };

    private void RequirePending(PendingRegistration pending)
    {
        if (pending.CandidateId != Id || !PendingRegistrations.Contains(pending))
        {
            throw new CandidateRuleException("This registration belongs to another candidate.");
        }
        if (pending.Status != PendingRegistrationStatus.Pending)
        {
            throw new CandidateRuleException("This registration has already been reviewed.");
        }
    }

    private static string ConsentText(string version, bool marketing) => $"Version {version}{(marketing ? ", marketing" : ", no marketing")}";
}
