using RmaBackOffice.Common;

namespace RmaBackOffice.Features.JobOrders;

/// <summary>The job order form's fields as the detail page labels them, for listing what another person changed.</summary>
public static class JobOrderEditFields
{
    public static readonly FormChanges<JobOrderEditForm> Changes = new(new Dictionary<string, string>
    {
        [nameof(JobOrderEditForm.PositionTitle)] = "Position title",
        [nameof(JobOrderEditForm.Level)] = "Level",
        [nameof(JobOrderEditForm.CompanyName)] = "Company",
        [nameof(JobOrderEditForm.CompanyWebsite)] = "Company website",
        [nameof(JobOrderEditForm.Industry)] = "Industry",
        [nameof(JobOrderEditForm.WorkArrangement)] = "Work arrangement",
        [nameof(JobOrderEditForm.City)] = "City",
        [nameof(JobOrderEditForm.Country)] = "Country",
        [nameof(JobOrderEditForm.SalaryMin)] = "Salary from",
        [nameof(JobOrderEditForm.SalaryMax)] = "Salary to",
        [nameof(JobOrderEditForm.Currency)] = "Currency",
        [nameof(JobOrderEditForm.Openings)] = "Openings",
        [nameof(JobOrderEditForm.BonusNotes)] = "Bonus and equity",
        [nameof(JobOrderEditForm.ReportsTo)] = "Reports to",
        [nameof(JobOrderEditForm.DesiredStartDate)] = "Desired start",
        [nameof(JobOrderEditForm.Description)] = "Description",
        [nameof(JobOrderEditForm.ContactName)] = "Contact name",
        [nameof(JobOrderEditForm.ContactTitle)] = "Contact title",
        [nameof(JobOrderEditForm.ContactEmail)] = "Contact email",
        [nameof(JobOrderEditForm.ContactPhone)] = "Contact phone",
        [nameof(JobOrderEditForm.Priority)] = "Priority",
        [nameof(JobOrderEditForm.Engagement)] = "Engagement",
        [nameof(JobOrderEditForm.FeePercent)] = "Fee %",
        [nameof(JobOrderEditForm.FlatFee)] = "Flat fee",
        [nameof(JobOrderEditForm.IsConfidential)] = "Confidential",
    });

    /// <summary>A value as the form shows it: a level or an industry by its name, not its code.</summary>
    public static string? Show(string field, object? value, IReadOnlyList<Option> industries) => (field, value) switch
    {
        (nameof(JobOrderEditForm.Level), string level) when Enum.TryParse<PositionLevel>(level, true, out var l) => l.Label(),
        (nameof(JobOrderEditForm.WorkArrangement), string arrangement) when Enum.TryParse<WorkArrangement>(arrangement, true, out var w) => w.Label(),
        (nameof(JobOrderEditForm.Industry), string code) => industries.FirstOrDefault(i => i.Value == code)?.Label ?? code,
        _ => null,
    };
}
