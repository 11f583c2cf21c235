using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Features.Candidates;
using RmaBackOffice.Features.Offices;

namespace RmaBackOffice.Data;

/// <summary>
/// A small fixed set of candidates for the Development demo, beside <see cref="DemoJobOrders"/>, so a first look at the candidate
/// desk is not an empty grid: every status, several countries and industries, registered over the last months. Larger, random
/// data comes from RmaBackOffice.Tools.
/// </summary>
public static class DemoCandidates
{
    private sealed record Demo(
        string FirstName, string LastName, string Title, string? Employer, PositionLevel Level, string City, string Country,
        string Industry, string Function, int Years, int DaysAgo, CandidateStatus[] Path);

    private static readonly Demo[] People =
    [
        new("Amelia", "Hart", "Chief Financial Officer", "Crestview Retail", PositionLevel.CSuite, "London", "United Kingdom",
            "banking", "Finance", 22, 0, []),
        new("Mateo", "Alvarez", "Vice President, Engineering", "Solace Robotics", PositionLevel.SvpVp, "Madrid", "Spain",
            "software-internet", "Engineering", 17, 1, []),
        new("Ingrid", "Larsen", "Director of Operations", "Fjord Shipping", PositionLevel.Director, "Oslo", "Norway",
            "logistics-transportation", "Operations", 14, 3, [CandidateStatus.Screened]),
        new("Kenji", "Watanabe", "Chief Technology Officer", "Kairo Semiconductor", PositionLevel.CSuite, "Tokyo", "Japan",
            "semiconductors-electronics", "Technology", 24, 8, [CandidateStatus.Screened, CandidateStatus.Qualified]),
        new("Claire", "Dubois", "General Counsel", "Maison Verte", PositionLevel.CSuite, "Paris", "France",
            "pharmaceuticals", "Legal", 19, 12, [CandidateStatus.Screened, CandidateStatus.Qualified]),
        new("Samuel", "Okafor", "Chief Risk Officer", "Harbour Mutual", PositionLevel.CSuite, "Johannesburg", "South Africa",
            "insurance", "Risk", 21, 20, [CandidateStatus.Screened, CandidateStatus.Qualified, CandidateStatus.Placed]),
        new("Lena", "Fischer", "Head of Sustainability", "Helio Grid", PositionLevel.Other, "Berlin", "Germany",
            "renewable-energy-cleantech", "Strategy", 11, 27, [CandidateStatus.Screened]),
        new("Rahul", "Mehta", "Senior Vice President, Sales", "Nimbus Telecom", PositionLevel.SvpVp, "Mumbai", "India",
            "telecommunications", "Sales", 18, 41, [CandidateStatus.NotAFit]),
        new("Olivia", "Bennett", "Board Director", null, PositionLevel.Board, "Toronto", "Canada",
            "financial-services-private-equity", "Governance", 30, 66, [CandidateStatus.Screened, CandidateStatus.Qualified]),
        new("Lucas", "Moreau", "Chief Marketing Officer", "Atelier Media", PositionLevel.CSuite, "Montreal", "Canada",
            "media-entertainment", "Marketing", 16, 140, [CandidateStatus.Archived]),
    ];

    /// <summary>Adds the demo candidates when there are none, screened by the given recruiter; returns how many were added.</summary>
    /// <remarks>Stored through one unit of work as the system, with keys reserved as the public intake reserves them.</remarks>
    public static async Task<int> SeedAsync(UnitOfWork units, IDatabaseKeys keys, Actor recruiter, CancellationToken ct)
    {
        await using var work = await units.BeginAsSystemAsync(ct);
        var offices = await HandlingOffices.ChoicesAsync(work.Db, ct);
        await work.LockForWriteAsync();
        if (await work.Db.Candidates.AnyAsync(ct))
        {
            return 0;
        }
        var nextCandidate = await keys.ReserveAsync<Candidate>(work.Db, People.Length, ct);
        var nextRegistration = await keys.ReserveAsync<CandidateRegistration>(work.Db, People.Length, ct);
        foreach (var demo in People)
        {
            var registeredAt = work.Now.AddDays(-demo.DaysAgo).AddHours(-2);
            var candidate = Candidate.Register(Form(demo), resume: null, registeredAt, idempotencyKey: null);
            candidate.Identify(checked((int)nextCandidate++));
            candidate.Registrations.Single().Identify(nextRegistration++);
            // Routed to the office its country suggests, as a registration is, so the office filter has data.
            CandidateService.AssignOfficeFromCountry(candidate, offices, Actor.System, registeredAt);
            var at = registeredAt;
            foreach (var step in demo.Path)
            {
                at = at.AddHours(demo.DaysAgo + 2);
                candidate.MoveTo(step, recruiter, at);
            }
            work.Db.Candidates.Add(candidate);
        }
        await work.SaveAsync(ct);
        return People.Length;
    }

    private static CandidateRegistrationForm Form(Demo demo) => new()
    {
        FirstName = demo.FirstName,
        LastName = demo.LastName,
        Email = $"{demo.FirstName}.{demo.LastName}@candidates.example".ToLowerInvariant(),
        City = demo.City,
        Country = demo.Country,
        CurrentTitle = demo.Title,
        CurrentEmployer = demo.Employer,
        Level = demo.Level.ToString(),
        Industries = [demo.Industry],
        Functions = [demo.Function],
        YearsOfExperience = demo.Years,
        Summary = $"{demo.Title} with {demo.Years} years of experience in {demo.Function.ToLowerInvariant()}.",
        ConsentToProcessing = true,
        ConsentVersion = Consent.CurrentVersion,
    };
}
