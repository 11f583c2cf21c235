using System.Globalization;

namespace RmaBackOffice.Features.JobOrders;

/// <summary>An employer's request to fill an executive position, from intake to filled or closed.</summary>
public sealed class JobOrder : IAuditReferenced
{
    public int Id { get; private set; }
    public string AuditReference => Reference;

    public string Reference { get; private set; } = "";
    public DateTimeOffset ReceivedAt { get; private set; }
    public bool IsSpam { get; private set; }
    public string? IdempotencyKey { get; private set; }

    // What the employer sent.
    public string CompanyName { get; private set; } = "";
    public string? CompanyWebsite { get; private set; }
    public string CompanyKey { get; private set; } = "";
    public string? CompanyDomain { get; private set; }
    public string Industry { get; private set; } = "";
    public string PositionTitle { get; private set; } = "";
    public PositionLevel Level { get; private set; }
    public string? City { get; private set; }
    public string Country { get; private set; } = "";
    public WorkArrangement? WorkArrangement { get; private set; }
    public decimal? SalaryMin { get; private set; }
    public decimal? SalaryMax { get; private set; }
    public string? Currency { get; private set; }
    public string? BonusNotes { get; private set; }
    public int Openings { get; private set; } = 1;
    public DateOnly? DesiredStartDate { get; private set; }
    public string? ReportsTo { get; private set; }
    public string? Description { get; private set; }
    public string ContactName { get; private set; } = "";
    public string? ContactTitle { get; private set; }
    public string ContactEmail { get; private set; } = "";
    public string? ContactPhone { get; private set; }
    public string? ReferralSource { get; private set; }
    public bool ConsentToContact { get; private set; }

    // How the firm runs it.
    public JobOrderStatus Status { get; private set; } = JobOrderStatus.New;
    public string? StatusReason { get; private set; }
    public DateTimeOffset StatusChangedAt { get; private set; }
    public DateTimeOffset? FirstResponseAt { get; private set; }
    public string? OwnerId { get; private set; }
    public JobOrderPriority Priority { get; private set; } = JobOrderPriority.Normal;
    public EngagementType? Engagement { get; private set; }
    public decimal? FeePercent { get; private set; }
    public decimal? FlatFee { get; private set; }
    public bool IsConfidential { get; private set; }

    /// <summary>The firm's office that runs the search; suggested from the country, set by recruiters. Null until chosen.</summary>
    public int? HandlingOfficeId { get; private set; }

    /// <summary>Bumped by every change; a save from a stale copy is refused.</summary>
    public int Version { get; private set; }

    public List<JobOrderActivity> Activities { get; private set; } = [];

    private JobOrder()
    {
    }

    public static JobOrder Receive(JobOrderIntakeForm form, DateTimeOffset at, string? idempotencyKey)
    {
        var order = new JobOrder
        {
            ReceivedAt = at,
            StatusChangedAt = at,
            IdempotencyKey = idempotencyKey,
            IsSpam = !string.IsNullOrEmpty(form.Website2),
            CompanyName = form.CompanyName!.Trim(),
            CompanyWebsite = Clean(form.CompanyWebsite),
            Industry = form.Industry!.Trim(),
            PositionTitle = form.PositionTitle!.Trim(),
            Level = Enum.Parse<PositionLevel>(form.Level!, ignoreCase: true),
            City = Clean(form.City),
            Country = form.Country!.Trim(),
            WorkArrangement = string.IsNullOrWhiteSpace(form.WorkArrangement) ? null : Enum.Parse<WorkArrangement>(form.WorkArrangement, ignoreCase: true),
            SalaryMin = form.SalaryMin,
            SalaryMax = form.SalaryMax,
            Currency = Clean(form.Currency)?.ToUpperInvariant(),
            BonusNotes = Clean(form.BonusNotes),
            Openings = form.Openings ?? 1,
            DesiredStartDate = form.DesiredStartDate,
            ReportsTo = Clean(form.ReportsTo),
            Description = Clean(form.Description),
            ContactName = form.ContactName!.Trim(),
            ContactTitle = Clean(form.ContactTitle),
            ContactEmail = form.ContactEmail!.Trim(),
            ContactPhone = Clean(form.ContactPhone),
            ReferralSource = Clean(form.ReferralSource),
            ConsentToContact = form.ConsentToContact,
        };
        order.CompanyKey = CompanyIdentity.NormaliseName(order.CompanyName);
        order.CompanyDomain = CompanyIdentity.Domain(order.CompanyWebsite);
        order.Activities.Add(JobOrderActivity.Received(at, order.IsSpam));
        return order;
    }

    /// <summary>The human reference, from the year received and the id the database gave.</summary>
    public void AssignReference() => Reference = FormatReference(ReceivedAt.Year, Id);

    /// <summary>Gives a new job order a key reserved for it (<see cref="IDatabaseKeys"/>) and the reference that follows from it.</summary>
    public void Identify(int id)
    {
        Id = id;
        AssignReference();
    }

    public static string FormatReference(int year, int id) => string.Create(CultureInfo.InvariantCulture, $"JO-{year}-{id:000000}");

    public void MoveTo(JobOrderStatus to, string? reason, Actor by, DateTimeOffset at)
    {
        if (to == Status)
        {
            return;
        }
        if (!JobOrderWorkflow.CanMove(Status, to))
        {
            throw new JobOrderRuleException($"A job order cannot move from {Status.Label()} to {to.Label()}.");
        }
        if (JobOrderWorkflow.RequiresReason(to) && string.IsNullOrWhiteSpace(reason))
        {
            throw new JobOrderRuleException($"Give a reason for moving the job order to {to.Label()}.");
        }
        Activities.Add(JobOrderActivity.StatusChanged(at, by, Status, to, Clean(reason)));
        Status = to;
        StatusReason = Clean(reason);
        StatusChangedAt = at;
        FirstResponseAt ??= at;
        Version++;
    }

    public void AssignTo(string? ownerId, string? ownerName, string? previousOwnerName, Actor by, DateTimeOffset at)
    {
        if (ownerId == OwnerId)
        {
            return;
        }
        Activities.Add(JobOrderActivity.Assigned(at, by, previousOwnerName, ownerName));
        OwnerId = ownerId;
        FirstResponseAt ??= at;
        Version++;
    }

    /// <summary>
    /// Hands the job order to one of the firm's offices (or to none), recorded on the timeline by the offices' names. Routing
    /// is not an answer to the employer, so the first response is left alone.
    /// </summary>
    public void AssignHandlingOffice(int? officeId, string? officeName, string? previousOfficeName, Actor by, DateTimeOffset at)
    {
        if (officeId == HandlingOfficeId)
        {
            return;
        }
        Activities.Add(JobOrderActivity.Edited(at, by, HandlingOfficeField, previousOfficeName, officeName));
        HandlingOfficeId = officeId;
        Version++;
    }

    /// <summary>How the timeline names a change of handling office.</summary>
    public const string HandlingOfficeField = "Handling office";

    public void AddNote(string text, Actor by, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new JobOrderRuleException("Write the note first.");
        }
        if (text.Length > JobOrderActivity.MaxTextLength)
        {
            throw new JobOrderRuleException($"Keep a note under {JobOrderActivity.MaxTextLength} characters.");
        }
        Activities.Add(JobOrderActivity.Note(at, by, text.Trim()));
        FirstResponseAt ??= at;
        Version++;
    }

    public void MarkSpam(Actor by, DateTimeOffset at)
    {
        if (IsSpam)
        {
            return;
        }
        Activities.Add(JobOrderActivity.Edited(at, by, "Spam", "No", "Yes"));
        IsSpam = true;
        if (JobOrderWorkflow.CanMove(Status, JobOrderStatus.Rejected))
        {
            MoveTo(JobOrderStatus.Rejected, "Spam", by, at);
        }
        Version++;
    }

    /// <summary>Applies the recruiter's edits, recording each changed field with its old and new value.</summary>
    public void Edit(JobOrderEditForm form, Actor by, DateTimeOffset at)
    {
        var changes = new List<(string Field, string? Old, string? New)>();
        void Set<T>(string field, T current, T next, Action<T> assign)
        {
            if (!EqualityComparer<T>.Default.Equals(current, next))
            {
                changes.Add((field, Show(current), Show(next)));
                assign(next);
            }
        }

        Set("Company", CompanyName, form.CompanyName!.Trim(), v => CompanyName = v);
        Set("Company website", CompanyWebsite, Clean(form.CompanyWebsite), v => CompanyWebsite = v);
        Set("Industry", Industry, form.Industry!.Trim(), v => Industry = v);
        Set("Position", PositionTitle, form.PositionTitle!.Trim(), v => PositionTitle = v);
        Set("Level", Level, Enum.Parse<PositionLevel>(form.Level!, true), v => Level = v);
        Set("City", City, Clean(form.City), v => City = v);
        Set("Country", Country, form.Country!.Trim(), v => Country = v);
        Set("Work arrangement", WorkArrangement,
            string.IsNullOrWhiteSpace(form.WorkArrangement) ? (WorkArrangement?)null : Enum.Parse<WorkArrangement>(form.WorkArrangement, true),
            v => WorkArrangement = v);
        Set("Salary from", SalaryMin, form.SalaryMin, v => SalaryMin = v);
        Set("Salary to", SalaryMax, form.SalaryMax, v => SalaryMax = v);
        Set("Currency", Currency, Clean(form.Currency)?.ToUpperInvariant(), v => Currency = v);
        Set("Bonus and equity", BonusNotes, Clean(form.BonusNotes), v => BonusNotes = v);
        Set("Openings", Openings, form.Openings ?? 1, v => Openings = v);
        Set("Desired start", DesiredStartDate, form.DesiredStartDate, v => DesiredStartDate = v);
        Set("Reports to", ReportsTo, Clean(form.ReportsTo), v => ReportsTo = v);
        Set("Description", Description, Clean(form.Description), v => Description = v);
        Set("Contact", ContactName, form.ContactName!.Trim(), v => ContactName = v);
        Set("Contact title", ContactTitle, Clean(form.ContactTitle), v => ContactTitle = v);
        Set("Contact email", ContactEmail, form.ContactEmail!.Trim(), v => ContactEmail = v);
        Set("Contact phone", ContactPhone, Clean(form.ContactPhone), v => ContactPhone = v);
        Set("Priority", Priority, form.Priority, v => Priority = v);
        Set("Engagement", Engagement, form.Engagement, v => Engagement = v);
        Set("Fee %", FeePercent, form.FeePercent, v => FeePercent = v);
        Set("Flat fee", FlatFee, form.FlatFee, v => FlatFee = v);
        Set("Confidential", IsConfidential, form.IsConfidential, v => IsConfidential = v);

        if (changes.Count == 0)
        {
            return;
        }
        CompanyKey = CompanyIdentity.NormaliseName(CompanyName);
        CompanyDomain = CompanyIdentity.Domain(CompanyWebsite);
        foreach (var (field, old, value) in changes)
        {
            Activities.Add(JobOrderActivity.Edited(at, by, field, old, value));
        }
        FirstResponseAt ??= at;
        Version++;
    }

    public void SetPriority(JobOrderPriority priority, Actor by, DateTimeOffset at)
    {
        if (priority == Priority)
        {
            return;
        }
        Activities.Add(JobOrderActivity.Edited(at, by, "Priority", Priority.ToString(), priority.ToString()));
        Priority = priority;
        Version++;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string? Show<T>(T value) => value switch
    {
        null => null,
        bool b => b ? "Yes" : "No",
        PositionLevel l => l.Label(),
        WorkArrangement w => w.Label(),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
