using System.ComponentModel.DataAnnotations;
using RmaBackOffice.Web;

namespace RmaBackOffice.Features.Candidates;

/// <summary>An "Executive Candidate Registration" as the public page and the API send it (the resume travels separately).</summary>
[CleanText]
public sealed class CandidateRegistrationForm : IValidatableObject
{
    [Required(ErrorMessage = "Enter your first name.")]
    [MaxLength(100, ErrorMessage = "Keep the first name under 100 characters.")]
    public string? FirstName { get; set; }

    [Required(ErrorMessage = "Enter your last name.")]
    [MaxLength(100, ErrorMessage = "Keep the last name under 100 characters.")]
    public string? LastName { get; set; }

    [Required(ErrorMessage = "Enter your email.")]
    [RegularExpression(EmailAddresses.Pattern, ErrorMessage = "Enter a valid email address, like name@company.com.")]
    [MaxLength(256, ErrorMessage = "Keep the email under 256 characters.")]
    public string? Email { get; set; }

    [MaxLength(40, ErrorMessage = "Keep the phone number under 40 characters.")]
    public string? Phone { get; set; }

    [MaxLength(100, ErrorMessage = "Keep the city under 100 characters.")]
    public string? City { get; set; }

    [Required(ErrorMessage = "Enter your country.")]
    [MaxLength(100, ErrorMessage = "Keep the country under 100 characters.")]
    public string? Country { get; set; }

    [Required(ErrorMessage = "Enter your current title.")]
    [MaxLength(200, ErrorMessage = "Keep the title under 200 characters.")]
    public string? CurrentTitle { get; set; }

    [MaxLength(200, ErrorMessage = "Keep the employer under 200 characters.")]
    public string? CurrentEmployer { get; set; }

    [Required(ErrorMessage = "Choose your level.")]
    public string? Level { get; set; }

    public List<string> Industries { get; set; } = [];

    public List<string> Functions { get; set; } = [];

    [Range(0, 70, ErrorMessage = "Years of experience must be between 0 and 70.")]
    public int? YearsOfExperience { get; set; }

    [Range(typeof(decimal), "0", "100000000", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true, ErrorMessage = "Enter an amount between 0 and 100,000,000.")]
    public decimal? CurrentCompensation { get; set; }

    [Range(typeof(decimal), "0", "100000000", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true, ErrorMessage = "Enter an amount between 0 and 100,000,000.")]
    public decimal? ExpectedCompensation { get; set; }

    [MaxLength(3, ErrorMessage = "Use a three-letter currency code, like USD.")]
    public string? Currency { get; set; }

    public bool WillingToRelocate { get; set; }

    [Display(Name = "LinkedIn address")]
    [MaxLength(300, ErrorMessage = "Keep the LinkedIn address under 300 characters.")]
    public string? LinkedInUrl { get; set; }

    [MultiLine]
    [MaxLength(2000, ErrorMessage = "Keep the summary under 2,000 characters.")]
    public string? Summary { get; set; }

    public bool ConsentToProcessing { get; set; }

    [MaxLength(20, ErrorMessage = "Please accept the current consent wording.")]
    public string? ConsentVersion { get; set; }

    public bool MarketingConsent { get; set; }

    /// <summary>Honeypot: hidden from people, filled by bots.</summary>
    public string? Website2 { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(Level) && !Enum.GetNames<PositionLevel>().Contains(Level.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            yield return new ValidationResult("Choose a level from the list.", [nameof(Level)]);
        }
        if (!Industries.Any(i => !string.IsNullOrWhiteSpace(i)))
        {
            yield return new ValidationResult("Choose at least one industry.", [nameof(Industries)]);
        }
        if (Industries.Count > 10)
        {
            yield return new ValidationResult("Choose at most 10 industries.", [nameof(Industries)]);
        }
        if (Functions.Count > 10 || Functions.Any(f => f.Length > 100))
        {
            yield return new ValidationResult("List at most 10 functions of up to 100 characters each.", [nameof(Functions)]);
        }
        if (!string.IsNullOrWhiteSpace(Phone) && !PhoneNumbers.IsWellFormed(Phone))
        {
            yield return new ValidationResult("Enter a phone number with its country code, like +1 212 555 0100.", [nameof(Phone)]);
        }
        if ((CurrentCompensation is not null || ExpectedCompensation is not null) && string.IsNullOrWhiteSpace(Currency))
        {
            yield return new ValidationResult("Choose the currency of the compensation.", [nameof(Currency)]);
        }
        if (!string.IsNullOrWhiteSpace(Currency) && !Currencies.IsKnown(Currency))
        {
            yield return new ValidationResult("Use a three-letter currency code, like USD or EUR.", [nameof(Currency)]);
        }
        if (!string.IsNullOrWhiteSpace(LinkedInUrl) && !IsLinkedIn(LinkedInUrl))
        {
            yield return new ValidationResult("Enter your LinkedIn profile address, like https://www.linkedin.com/in/your-name.", [nameof(LinkedInUrl)]);
        }
        if (!ConsentToProcessing)
        {
            yield return new ValidationResult("Please agree to the processing of your data, so we can consider you for searches.", [nameof(ConsentToProcessing)]);
        }
        else if (ConsentVersion != Consent.CurrentVersion)
        {
            yield return new ValidationResult($"Please accept the current consent wording (version {Consent.CurrentVersion}).", [nameof(ConsentVersion)]);
        }
    }

    private static bool IsLinkedIn(string url) =>
        Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
        && uri.Scheme is "https" or "http"
        && (uri.Host.Equals("linkedin.com", StringComparison.OrdinalIgnoreCase) || uri.Host.EndsWith(".linkedin.com", StringComparison.OrdinalIgnoreCase));
}

/// <summary>The wording a candidate agrees to. Changing it means a new version; each candidate keeps the version and time they accepted.</summary>
public static class Consent
{
    public const string CurrentVersion = "2026-11";

    public const string CurrentText =
        "I agree that RMA may store and process the personal data in this registration, including my resume, to consider me " +
        "for executive searches and to contact me about them. RMA keeps it until I ask for it to be erased or it has not been " +
        "used for the retention period, and shares it with a client only with my agreement for a specific position. I can ask " +
        "for a copy of my data or its erasure at any time.";
}

/// <summary>A resume already checked and stored by the intake, handed to the service with the registration.</summary>
/// <param name="StoredName">The generated file name in the resume store (never the uploader's name).</param>
/// <param name="Text">The extracted text, for search; null when the file could not be read.</param>
public sealed record StoredResume(string OriginalFileName, string StoredName, string ContentType, long Size, string? Text)
{
    public bool Unreadable => Text is null;
}

/// <summary>
/// Where a registration went, for the app and its tests. Only <paramref name="Receipt"/> may leave in a public answer:
/// the candidate's id and reference would tell a stranger who is registered.
/// </summary>
/// <param name="Repeated">An idempotency key already used: the first registration's result, and nothing new stored.</param>
public sealed record RegistrationResult(int CandidateId, string Reference, string Receipt, bool Created, bool AttachedToExisting, bool Repeated = false);
