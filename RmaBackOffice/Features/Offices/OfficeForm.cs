using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using RmaBackOffice.Web;

namespace RmaBackOffice.Features.Offices;

/// <summary>
/// An office as an admin edits it. The service maps it onto the entity (the mapping is the over-posting guard); what needs
/// the database (a slug or a city taken) is checked there.
/// </summary>
[CleanText]
public sealed partial class OfficeForm : IValidatableObject
{
    public const int CityLength = 100;
    public const int SlugLength = 60;
    public const int PhoneSlots = 3;

    [Required(ErrorMessage = "Enter the city."), StringLength(CityLength), Display(Name = "City")]
    public string City { get; set; } = "";

    [StringLength(SlugLength), Display(Name = "Address (slug)")]
    public string? Slug { get; set; }

    [Required(ErrorMessage = "Choose a region."), Display(Name = "Region")]
    public int? RegionId { get; set; }

    [Required(ErrorMessage = "Choose the country."), Display(Name = "Country")]
    public string? CountryCode { get; set; }

    [StringLength(100), Display(Name = "Country as the firm writes it")]
    public string? CountryLabel { get; set; }

    [StringLength(300), Display(Name = "Street address")]
    public string? StreetAddress { get; set; }

    [StringLength(100), Display(Name = "Town or district")]
    public string? AddressLocality { get; set; }

    [StringLength(20), Display(Name = "Postal code")]
    public string? PostalCode { get; set; }

    [Required(ErrorMessage = "Enter the latitude."), Range(-90, 90, ErrorMessage = "Latitude is between -90 and 90."), Display(Name = "Latitude")]
    public double? Latitude { get; set; }

    [Required(ErrorMessage = "Enter the longitude."), Range(-180, 180, ErrorMessage = "Longitude is between -180 and 180."), Display(Name = "Longitude")]
    public double? Longitude { get; set; }

    [Required(ErrorMessage = "Enter the time zone."), StringLength(64), Display(Name = "Time zone")]
    public string TimeZoneId { get; set; } = "";

    [StringLength(256), RegularExpression(EmailAddresses.Pattern, ErrorMessage = "Enter an email address such as london@rma.example."), Display(Name = "Email")]
    public string? Email { get; set; }

    [Display(Name = "Head of office")]
    public string? HeadOfOfficeId { get; set; }

    [Display(Name = "Published")]
    public bool IsPublished { get; set; } = true;

    [StringLength(40), Display(Name = "Phone 1 label")] public string? Phone1Label { get; set; }
    [StringLength(40), Display(Name = "Phone 1")] public string? Phone1Number { get; set; }
    [StringLength(40), Display(Name = "Phone 2 label")] public string? Phone2Label { get; set; }
    [StringLength(40), Display(Name = "Phone 2")] public string? Phone2Number { get; set; }
    [StringLength(40), Display(Name = "Phone 3 label")] public string? Phone3Label { get; set; }
    [StringLength(40), Display(Name = "Phone 3")] public string? Phone3Number { get; set; }

    [StringLength(100), Display(Name = "Monday")] public string? Monday { get; set; }
    [StringLength(100), Display(Name = "Tuesday")] public string? Tuesday { get; set; }
    [StringLength(100), Display(Name = "Wednesday")] public string? Wednesday { get; set; }
    [StringLength(100), Display(Name = "Thursday")] public string? Thursday { get; set; }
    [StringLength(100), Display(Name = "Friday")] public string? Friday { get; set; }
    [StringLength(100), Display(Name = "Saturday")] public string? Saturday { get; set; }
    [StringLength(100), Display(Name = "Sunday")] public string? Sunday { get; set; }

    [MultiLine, StringLength(10_000), Display(Name = "Exceptions")]
    public string? Exceptions { get; set; }

    /// <summary>The form field holding a day's hours.</summary>
    public static string DayField(DayOfWeek day) => day.ToString();

    public string? HoursOn(DayOfWeek day) => (string?)typeof(OfficeForm).GetProperty(DayField(day))!.GetValue(this);

    public void SetHoursOn(DayOfWeek day, string? value) => typeof(OfficeForm).GetProperty(DayField(day))!.SetValue(this, value);

    public static string PhoneLabelField(int slot) => $"Phone{slot}Label";

    public static string PhoneNumberField(int slot) => $"Phone{slot}Number";

    private (string? Label, string? Number) Phone(int slot) => slot switch
    {
        1 => (Phone1Label, Phone1Number),
        2 => (Phone2Label, Phone2Number),
        _ => (Phone3Label, Phone3Number),
    };

    /// <summary>A slug from a city: "New Delhi" → "new-delhi", "Zürich" → "zurich".</summary>
    public static string SlugFor(string city)
    {
        var plain = new StringBuilder();
        foreach (var c in city.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                plain.Append(char.ToLowerInvariant(c));
            }
        }
        return NotSlug().Replace(plain.ToString(), "-").Trim('-');
    }

    public string EffectiveSlug => string.IsNullOrWhiteSpace(Slug) ? SlugFor(City ?? "") : Slug.Trim();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!SlugPattern().IsMatch(EffectiveSlug))
        {
            yield return new("Use lower-case letters, digits and hyphens (new-york).", [nameof(Slug)]);
        }
        if (!string.IsNullOrEmpty(CountryCode) && !Countries.IsKnown(CountryCode))
        {
            yield return new("Choose a country from the list.", [nameof(CountryCode)]);
        }
        if (!string.IsNullOrWhiteSpace(TimeZoneId) && TimeZoneProblem(TimeZoneId.Trim()) is { } zoneProblem)
        {
            yield return new(zoneProblem, [nameof(TimeZoneId)]);
        }
        for (var slot = 1; slot <= PhoneSlots; slot++)
        {
            var (label, number) = Phone(slot);
            if (string.IsNullOrWhiteSpace(number))
            {
                if (!string.IsNullOrWhiteSpace(label))
                {
                    yield return new("Enter the number for this label, or clear the label.", [PhoneNumberField(slot)]);
                }
                continue;
            }
            OfficePhone.TryNormalize(number, CountryCode, out var phoneProblem);
            if (phoneProblem is not null)
            {
                yield return new(phoneProblem, [PhoneNumberField(slot)]);
            }
        }
        var days = new Dictionary<DayOfWeek, IReadOnlyList<TimeRange>>();
        foreach (var day in WeeklyHours.Week)
        {
            if (TimeRange.TryParseList(HoursOn(day), out var ranges))
            {
                days[day] = ranges;
            }
            else
            {
                yield return new($"Write {day}'s hours as 09:00-18:00 (several ranges separated by commas), or leave it empty for closed.", [DayField(day)]);
            }
        }
        foreach (var (day, range, otherDay, other) in WeeklyHours.Overlaps(days))
        {
            var with = otherDay == day ? other.ToString() : $"{otherDay}'s {other}";
            yield return new($"{range} overlaps {with}.", [DayField(day)]);
        }
        foreach (var problem in ExceptionProblems())
        {
            yield return new(problem, [nameof(Exceptions)]);
        }
    }

    /// <summary>Null when the id names an IANA time zone this server knows.</summary>
    public static string? TimeZoneProblem(string id)
    {
        try
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return zone.HasIanaId ? null : $"Use the IANA name of the time zone (Europe/London), not \"{id}\".";
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return $"\"{id}\" is not a known time zone; use its IANA name, such as America/New_York.";
        }
    }

    private IEnumerable<string> ExceptionProblems()
    {
        var read = new List<SpecialDay>();
        foreach (var line in ExceptionLines())
        {
            if (SpecialDay.TryParse(line, out var problem) is { } day)
            {
                if (read.FirstOrDefault(d => d.From <= day.To && day.From <= d.To) is { } clash)
                {
                    yield return $"{SpecialDay.Iso(day.From)} is already covered by \"{clash}\".";
                }
                read.Add(day);
            }
            else
            {
                yield return problem!;
            }
        }
    }

    private IEnumerable<string> ExceptionLines() =>
        (Exceptions ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The validated form as the entity's details.</summary>
    public OfficeDetails ToDetails()
    {
        var phones = Enumerable.Range(1, PhoneSlots).Select(Phone)
            .Where(p => !string.IsNullOrWhiteSpace(p.Number))
            .Select(p => new OfficePhone(string.IsNullOrWhiteSpace(p.Label) ? "Main" : p.Label.Trim(),
                OfficePhone.TryNormalize(p.Number!, CountryCode, out _)!));
        var hours = new WeeklyHours(WeeklyHours.Week.ToDictionary(d => d,
            d => TimeRange.TryParseList(HoursOn(d), out var r) ? r : throw new InvalidOperationException("Validate the form first.")));
        var exceptions = new SpecialDays(ExceptionLines().Select(l => SpecialDay.TryParse(l, out _)!));
        return new OfficeDetails(City.Trim(), EffectiveSlug, RegionId!.Value, CountryCode!.ToUpperInvariant(), Blank(CountryLabel),
            Blank(StreetAddress), Blank(AddressLocality), Blank(PostalCode), Latitude!.Value, Longitude!.Value, TimeZoneId.Trim(),
            new OfficePhones(phones), Blank(Email), hours, exceptions, Blank(HeadOfOfficeId), IsPublished);
    }

    public static OfficeForm From(Office office)
    {
        var form = new OfficeForm
        {
            City = office.City, Slug = office.Slug, RegionId = office.RegionId, CountryCode = office.CountryCode,
            CountryLabel = office.CountryLabel, StreetAddress = office.StreetAddress, AddressLocality = office.AddressLocality,
            PostalCode = office.PostalCode, Latitude = office.Latitude, Longitude = office.Longitude, TimeZoneId = office.TimeZoneId,
            Email = office.Email, HeadOfOfficeId = office.HeadOfOfficeId, IsPublished = office.IsPublished,
            Exceptions = string.Join("\n", office.Exceptions.All.Select(d => d.ToString())),
        };
        foreach (var day in WeeklyHours.Week)
        {
            form.SetHoursOn(day, TimeRange.FormatList(office.Hours.On(day)));
        }
        var phones = office.Phones.All;
        (form.Phone1Label, form.Phone1Number) = phones.Count > 0 ? (phones[0].Label, phones[0].Number) : (null, null);
        (form.Phone2Label, form.Phone2Number) = phones.Count > 1 ? (phones[1].Label, phones[1].Number) : (null, null);
        (form.Phone3Label, form.Phone3Number) = phones.Count > 2 ? (phones[2].Label, phones[2].Number) : (null, null);
        return form;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotSlug();
}
