using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using RmaBackOffice.Web;

namespace RmaBackOffice.Features.JobOrders;

/// <summary>The fields an employer describes and a recruiter may correct. Checked on the server for the page and the API alike.</summary>
[CleanText]
public abstract class JobOrderDetailsForm : IValidatableObject
{
    public const int ShortText = 200;
    public const int DescriptionLength = 5000;

    [Required(ErrorMessage = "Enter the company's name.")]
    [MaxLength(ShortText, ErrorMessage = "Keep the company name under 200 characters.")]
    public string? CompanyName { get; set; }

    [MaxLength(300, ErrorMessage = "Keep the website under 300 characters.")]
    public string? CompanyWebsite { get; set; }

    [Required(ErrorMessage = "Choose the industry.")]
    [MaxLength(100, ErrorMessage = "Choose an industry from the list.")]
    public string? Industry { get; set; }

    [Required(ErrorMessage = "Enter the position's title.")]
    [MaxLength(ShortText, ErrorMessage = "Keep the title under 200 characters.")]
    public string? PositionTitle { get; set; }

    [Required(ErrorMessage = "Choose the level of the position.")]
    public string? Level { get; set; }

    [MaxLength(100, ErrorMessage = "Keep the city under 100 characters.")]
    public string? City { get; set; }

    [Required(ErrorMessage = "Enter the country.")]
    [MaxLength(100, ErrorMessage = "Keep the country under 100 characters.")]
    public string? Country { get; set; }

    public string? WorkArrangement { get; set; }

    [Range(typeof(decimal), "0", "100000000", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true, ErrorMessage = "Enter a salary between 0 and 100,000,000.")]
    public decimal? SalaryMin { get; set; }

    [Range(typeof(decimal), "0", "100000000", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true, ErrorMessage = "Enter a salary between 0 and 100,000,000.")]
    public decimal? SalaryMax { get; set; }

    [MaxLength(3, ErrorMessage = "Use a three-letter currency code, like USD.")]
    public string? Currency { get; set; }

    [MultiLine]
    [MaxLength(1000, ErrorMessage = "Keep the bonus and equity notes under 1,000 characters.")]
    public string? BonusNotes { get; set; }

    [Range(1, 50, ErrorMessage = "Openings must be between 1 and 50.")]
    public int? Openings { get; set; } = 1;

    public DateOnly? DesiredStartDate { get; set; }

    [MaxLength(ShortText, ErrorMessage = "Keep 'reports to' under 200 characters.")]
    public string? ReportsTo { get; set; }

    [MultiLine]
    [MaxLength(DescriptionLength, ErrorMessage = "Keep the description under 5,000 characters.")]
    public string? Description { get; set; }

    [Required(ErrorMessage = "Enter the contact person's name.")]
    [MaxLength(ShortText, ErrorMessage = "Keep the contact name under 200 characters.")]
    public string? ContactName { get; set; }

    [MaxLength(ShortText, ErrorMessage = "Keep the contact title under 200 characters.")]
    public string? ContactTitle { get; set; }

    [Required(ErrorMessage = "Enter the contact's email.")]
    [RegularExpression(EmailPattern, ErrorMessage = "Enter a valid email address, like name@company.com.")]
    [MaxLength(256, ErrorMessage = "Keep the email under 256 characters.")]
    public string? ContactEmail { get; set; }

    public const string EmailPattern = EmailAddresses.Pattern;

    [MaxLength(40, ErrorMessage = "Keep the phone number under 40 characters.")]
    public string? ContactPhone { get; set; }

    public virtual IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(CompanyWebsite) && !LooksLikeWebsite(CompanyWebsite))
        {
            yield return new ValidationResult("Enter a website address, like https://company.com.", [nameof(CompanyWebsite)]);
        }
        if (!string.IsNullOrWhiteSpace(Level) && !IsName<PositionLevel>(Level))
        {
            yield return new ValidationResult("Choose a level from the list.", [nameof(Level)]);
        }
        if (!string.IsNullOrWhiteSpace(WorkArrangement) && !IsName<WorkArrangement>(WorkArrangement))
        {
            yield return new ValidationResult("Choose on-site, hybrid or remote.", [nameof(WorkArrangement)]);
        }
        if (SalaryMin is { } min && SalaryMax is { } max && min > max)
        {
            yield return new ValidationResult("The lowest salary must not be above the highest.", [nameof(SalaryMin)]);
        }
        if ((SalaryMin is not null || SalaryMax is not null) && string.IsNullOrWhiteSpace(Currency))
        {
            yield return new ValidationResult("Choose the salary's currency.", [nameof(Currency)]);
        }
        if (!string.IsNullOrWhiteSpace(Currency) && !Currencies.IsKnown(Currency))
        {
            yield return new ValidationResult("Use a three-letter currency code, like USD or EUR.", [nameof(Currency)]);
        }
        if (!string.IsNullOrWhiteSpace(ContactPhone) && !PhoneNumbers.IsWellFormed(ContactPhone))
        {
            yield return new ValidationResult("Enter a phone number with its country code, like +1 212 555 0100.", [nameof(ContactPhone)]);
        }
    }

    // Enum.TryParse also accepts numbers; only the served names are allowed.
    private static bool IsName<TEnum>(string value) where TEnum : struct, Enum =>
        Enum.GetNames<TEnum>().Contains(value.Trim(), StringComparer.OrdinalIgnoreCase);

    private static bool LooksLikeWebsite(string value)
    {
        var text = value.Contains("://", StringComparison.Ordinal) ? value : "https://" + value;
        return Uri.TryCreate(text, UriKind.Absolute, out var uri)
            && uri.Scheme is "http" or "https"
            && uri.Host.Contains('.', StringComparison.Ordinal)
            && !value.Any(char.IsWhiteSpace);
    }
}

/// <summary>An "Executive Position Job Order" as the public form and API send it.</summary>
public sealed class JobOrderIntakeForm : JobOrderDetailsForm
{
    [MaxLength(ShortText, ErrorMessage = "Keep this under 200 characters.")]
    public string? ReferralSource { get; set; }

    public bool ConsentToContact { get; set; }

    /// <summary>Honeypot: hidden from people, filled by bots.</summary>
    [JsonPropertyName("website2")]
    public string? Website2 { get; set; }

    public override IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var result in base.Validate(validationContext))
        {
            yield return result;
        }
        if (!ConsentToContact)
        {
            yield return new ValidationResult("Please agree that RMA may contact you about this position.", [nameof(ConsentToContact)]);
        }
    }
}

/// <summary>A recruiter's edit of a job order: the employer's details plus the firm's internal terms.</summary>
public sealed class JobOrderEditForm : JobOrderDetailsForm
{
    public JobOrderPriority Priority { get; set; } = JobOrderPriority.Normal;

    public EngagementType? Engagement { get; set; }

    [Range(typeof(decimal), "0", "100", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true, ErrorMessage = "The fee percentage must be between 0 and 100.")]
    public decimal? FeePercent { get; set; }

    [Range(typeof(decimal), "0", "100000000", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true, ErrorMessage = "Enter a flat fee between 0 and 100,000,000.")]
    public decimal? FlatFee { get; set; }

    public bool IsConfidential { get; set; }

    public override IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var result in base.Validate(validationContext))
        {
            yield return result;
        }
        if (FeePercent is not null && FlatFee is not null)
        {
            yield return new ValidationResult("Use either a fee percentage or a flat fee, not both.", [nameof(FlatFee)]);
        }
    }

    public static JobOrderEditForm From(JobOrder order) => new()
    {
        CompanyName = order.CompanyName,
        CompanyWebsite = order.CompanyWebsite,
        Industry = order.Industry,
        PositionTitle = order.PositionTitle,
        Level = order.Level.ToString(),
        City = order.City,
        Country = order.Country,
        WorkArrangement = order.WorkArrangement?.ToString(),
        SalaryMin = order.SalaryMin,
        SalaryMax = order.SalaryMax,
        Currency = order.Currency,
        BonusNotes = order.BonusNotes,
        Openings = order.Openings,
        DesiredStartDate = order.DesiredStartDate,
        ReportsTo = order.ReportsTo,
        Description = order.Description,
        ContactName = order.ContactName,
        ContactTitle = order.ContactTitle,
        ContactEmail = order.ContactEmail,
        ContactPhone = order.ContactPhone,
        Priority = order.Priority,
        Engagement = order.Engagement,
        FeePercent = order.FeePercent,
        FlatFee = order.FlatFee,
        IsConfidential = order.IsConfidential,
    };
}
