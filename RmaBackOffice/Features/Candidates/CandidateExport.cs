namespace RmaBackOffice.Features.Candidates;

/// <summary>A candidate's personal data as handed to them on request (JSON), with the stored resume's name to include beside it.</summary>
public sealed record CandidateExport(
    DateTimeOffset ExportedAt,
    string Reference,
    object Profile,
    IReadOnlyList<string> Industries,
    object Consent,
    IReadOnlyList<object> Registrations,
    IReadOnlyList<object> Activities,
    IReadOnlyList<object> Searches,
    string? ResumeFileName,
    [property: System.Text.Json.Serialization.JsonIgnore] string? ResumeStoredName)
{
    public static CandidateExport From(Candidate c, IReadOnlyList<object> searches, DateTimeOffset at) => new(
        at,
        c.Reference,
        new
        {
            c.FirstName, c.LastName, c.Email, c.Phone, c.City, c.Country, c.CurrentTitle, c.CurrentEmployer,
            Level = c.Level.ToString(), c.Functions, c.YearsOfExperience, c.CurrentCompensation, c.ExpectedCompensation, c.Currency,
            c.WillingToRelocate, c.LinkedInUrl, c.Summary, c.Tags, Status = c.Status.ToString(), c.CreatedAt,
        },
        c.Industries.Select(i => i.Code).ToList(),
        new { c.ConsentVersion, c.ConsentedAt, c.MarketingConsent },
        c.Registrations.Select(r => (object)new { r.ReceivedAt, r.WasDuplicate, Submitted = r.Submitted }).ToList(),
        c.Activities.OrderBy(a => a.At).Select(a => (object)new { a.At, Kind = a.Kind.ToString(), a.ActorName, a.Field, a.OldValue, a.NewValue, a.Text }).ToList(),
        searches,
        c.ResumeFileName is null ? null : Web.CleanText.FileName(c.ResumeFileName, "resume"),
        c.ResumeStoredName);
}
