using RmaBackOffice.Common;

namespace RmaBackOffice.Features.Candidates;

/// <summary>The candidate profile's fields as the page labels them, for listing what another person changed.</summary>
public static class CandidateEditFields
{
    public static readonly FormChanges<CandidateEditForm> Changes = new(new Dictionary<string, string>
    {
        [nameof(CandidateEditForm.FirstName)] = "First name",
        [nameof(CandidateEditForm.LastName)] = "Last name",
        [nameof(CandidateEditForm.Email)] = "Email",
        [nameof(CandidateEditForm.Phone)] = "Phone",
        [nameof(CandidateEditForm.City)] = "City",
        [nameof(CandidateEditForm.Country)] = "Country",
        [nameof(CandidateEditForm.CurrentTitle)] = "Current title",
        [nameof(CandidateEditForm.CurrentEmployer)] = "Current employer",
        [nameof(CandidateEditForm.Level)] = "Level",
        [nameof(CandidateEditForm.Industries)] = "Industries",
        [nameof(CandidateEditForm.YearsOfExperience)] = "Years of experience",
        [nameof(CandidateEditForm.WillingToRelocate)] = "Willing to relocate",
        [nameof(CandidateEditForm.LinkedInUrl)] = "LinkedIn profile",
        [nameof(CandidateEditForm.Summary)] = "Summary",
        [nameof(CandidateEditForm.Tags)] = "Tags",
    });

    /// <summary>A value as the form shows it: a level or industries by their names, not their codes.</summary>
    public static string? Show(string field, object? value, IReadOnlyList<Option> industries) => (field, value) switch
    {
        (nameof(CandidateEditForm.Level), string level) when Enum.TryParse<PositionLevel>(level, true, out var l) => l.Label(),
        (nameof(CandidateEditForm.Industries), IEnumerable<string> codes) =>
            FormChanges.Show(codes.Select(code => industries.FirstOrDefault(i => i.Value == code)?.Label ?? code).ToList()),
        _ => null,
    };
}
