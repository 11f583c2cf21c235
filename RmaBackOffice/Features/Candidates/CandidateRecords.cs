using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json;

namespace RmaBackOffice.Features.Candidates;

/// <summary>One registration as it arrived: the history a duplicate is attached to.</summary>
public sealed class CandidateRegistration : IPersonalData
{
    public long Id { get; private set; }
    public int CandidateId { get; private set; }

    public string PersonalDataSubject => $"Candidate:{CandidateId}";

    internal void MoveTo(Candidate keeper) => CandidateId = keeper.Id;
    public DateTimeOffset ReceivedAt { get; private set; }
    /// <summary>
    /// The reference the registrant is given (REG-2026-000123), one per submission, whoever it matched: the public answer
    /// never names a candidate. Issued once the database has numbered the registration.
    /// </summary>
    public string? Receipt { get; private set; }
    public string? IdempotencyKey { get; private set; }
    public bool WasDuplicate { get; private set; }
    public string Submitted { get; private set; } = "";
    public string? ResumeStoredName { get; private set; }

    private CandidateRegistration()
    {
    }

    public static CandidateRegistration From(CandidateRegistrationForm form, StoredResume? resume, DateTimeOffset at, string? key, bool duplicate) => new()
    {
        ReceivedAt = at,
        IdempotencyKey = key,
        WasDuplicate = duplicate,
        Submitted = JsonSerializer.Serialize(form),
        ResumeStoredName = resume?.StoredName,
    };

    public void AssignReceipt() => Receipt = FormatReceipt(ReceivedAt.Year, Id);

    /// <summary>Gives a new registration a key reserved for it (<see cref="RmaBackOffice.Data.IDatabaseKeys"/>) and the receipt that follows from it.</summary>
    public void Identify(long id)
    {
        Id = id;
        AssignReceipt();
    }

    public static string FormatReceipt(int year, long id) => string.Create(CultureInfo.InvariantCulture, $"REG-{year}-{id:000000}");
}

public enum CandidateActivityKind
{
    Registered,
    Edited,
    StatusChanged,
    NoteAdded,
    Pipeline,
    Merged,
    Erased,
    Exported,
}

public sealed class CandidateActivity : TimelineRecord<CandidateActivityKind>
{
    public int CandidateId { get; private set; }

    public override Type OwnerType => typeof(Candidate);
    public override object OwnerKey => CandidateId;

    internal void MoveTo(Candidate keeper) => CandidateId = keeper.Id;

    private CandidateActivity()
    {
    }

    public static CandidateActivity Make(DateTimeOffset at, Actor by, CandidateActivityKind kind, string? field = null, string? old = null, string? value = null, string? text = null)
    {
        var activity = new CandidateActivity();
        activity.Record(at, by.Id, by.Name, kind, field, old, value, text);
        return activity;
    }
}

/// <summary>A recruiter's edit of a candidate.</summary>
public sealed class CandidateEditForm : IValidatableObject
{
    [Required(ErrorMessage = "Enter the first name.")] [MaxLength(100)] public string? FirstName { get; set; }
    [Required(ErrorMessage = "Enter the last name.")] [MaxLength(100)] public string? LastName { get; set; }
    [Required(ErrorMessage = "Enter the email.")]
    [RegularExpression(EmailAddresses.Pattern, ErrorMessage = "Enter a valid email address, like name@company.com.")]
    [MaxLength(256)] public string? Email { get; set; }
    [MaxLength(40)] public string? Phone { get; set; }
    [MaxLength(100)] public string? City { get; set; }
    [Required(ErrorMessage = "Enter the country.")] [MaxLength(100)] public string? Country { get; set; }
    [Required(ErrorMessage = "Enter the current title.")] [MaxLength(200)] public string? CurrentTitle { get; set; }
    [MaxLength(200)] public string? CurrentEmployer { get; set; }
    [Required(ErrorMessage = "Choose the level.")] public string? Level { get; set; }
    public List<string> Industries { get; set; } = [];
    [Range(0, 70, ErrorMessage = "Years of experience must be between 0 and 70.")] public int? YearsOfExperience { get; set; }
    public bool WillingToRelocate { get; set; }
    [MaxLength(300)] public string? LinkedInUrl { get; set; }
    [MaxLength(2000, ErrorMessage = "Keep the summary under 2,000 characters.")] public string? Summary { get; set; }
    public List<string> Tags { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(Level) && !Enum.GetNames<PositionLevel>().Contains(Level.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            yield return new ValidationResult("Choose a level from the list.", [nameof(Level)]);
        }
        if (Industries.Count == 0)
        {
            yield return new ValidationResult("Choose at least one industry.", [nameof(Industries)]);
        }
        if (!string.IsNullOrWhiteSpace(Phone) && !PhoneNumbers.IsWellFormed(Phone))
        {
            yield return new ValidationResult("Enter a phone number with its country code, like +1 212 555 0100.", [nameof(Phone)]);
        }
        if (Tags.Count > 20 || Tags.Any(t => t.Length > 40))
        {
            yield return new ValidationResult("Use at most 20 tags of up to 40 characters.", [nameof(Tags)]);
        }
    }

    public static CandidateEditForm From(Candidate c) => new()
    {
        FirstName = c.FirstName,
        LastName = c.LastName,
        Email = c.Email,
        Phone = c.Phone,
        City = c.City,
        Country = c.Country,
        CurrentTitle = c.CurrentTitle,
        CurrentEmployer = c.CurrentEmployer,
        Level = c.Level.ToString(),
        Industries = c.Industries.Select(i => i.Code).ToList(),
        YearsOfExperience = c.YearsOfExperience,
        WillingToRelocate = c.WillingToRelocate,
        LinkedInUrl = c.LinkedInUrl,
        Summary = c.Summary,
        Tags = c.Tags?.Split(", ", StringSplitOptions.RemoveEmptyEntries).ToList() ?? [],
    };
}
