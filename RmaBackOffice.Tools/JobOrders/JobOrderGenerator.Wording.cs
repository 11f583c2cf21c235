using Bogus;
using RmaBackOffice.Features.JobOrders;
using static RmaBackOffice.Tools.Synthetic.World;

namespace RmaBackOffice.Tools.JobOrders;

/// <summary>What an employer writes: titles, reporting lines, descriptions, pay, and the spam a public form attracts.</summary>
public static partial class JobOrderGenerator
{
    private static JobOrderIntakeForm SpamForm(Faker f) => new()
    {
        CompanyName = f.PickRandom("Best SEO Agency", "Crypto Profit Club", "Cheap Followers Ltd", f.Internet.DomainWord()),
        CompanyWebsite = $"http://{f.Internet.DomainWord()}.example",
        Industry = f.PickRandom(IndustryCodes),
        PositionTitle = f.PickRandom("Rank #1 on Google today", "Earn $5000 a week from home", "Work from home opportunity", f.Lorem.Sentence(4)),
        Level = nameof(PositionLevel.Other),
        Country = f.PickRandom(Countries).Name,
        Description = f.Lorem.Paragraph(),
        ContactName = f.Name.FullName(),
        ContactEmail = f.Internet.Email(),
        ConsentToContact = true,
        Website2 = $"http://{f.Internet.DomainWord()}.example",
    };

    private static string Title(Faker f, PositionLevel level) => level switch
    {
        PositionLevel.Board => f.PickRandom(BoardTitles),
        PositionLevel.CSuite => f.PickRandom(ChiefTitles),
        PositionLevel.SvpVp => $"{f.PickRandom("Vice President", "Senior Vice President", "VP", "SVP")}, {f.PickRandom(Functions)}",
        PositionLevel.Director => f.Random.Bool() ? $"Director of {f.PickRandom(Functions)}" : $"{f.PickRandom(Functions)} Director",
        _ => f.Random.Double() < 0.7 ? $"Head of {f.PickRandom(Functions)}" : $"General Manager, {f.PickRandom(Regions)}",
    };

    private static string? ReportsTo(Faker f, PositionLevel level) => f.Random.Double() < 0.3 ? null : level switch
    {
        PositionLevel.Board => "Chair of the Board",
        PositionLevel.CSuite => f.PickRandom("Chief Executive Officer", "Board of Directors"),
        PositionLevel.SvpVp => f.PickRandom(ChiefTitles),
        _ => $"VP, {f.PickRandom(Functions)}",
    };

    private static string Description(Faker f, string company, string title, Country country) =>
        $"{company} is looking for a {title} in {country.Name} to {f.Company.Bs()}. " +
        $"The role leads a team of {f.Random.Int(3, 250)} and will {f.PickRandom(Mandates)}. " +
        $"{f.Company.CatchPhrase()}.";

    private static (decimal? Min, decimal? Max) Salary(Faker f, PositionLevel level, Country country)
    {
        if (f.Random.Double() < 0.2)
        {
            return (null, null);
        }
        var (low, high) = level switch
        {
            PositionLevel.Board => (60_000, 250_000),
            PositionLevel.CSuite => (250_000, 900_000),
            PositionLevel.SvpVp => (180_000, 450_000),
            PositionLevel.Director => (120_000, 280_000),
            _ => (90_000, 200_000),
        };
        var min = f.Random.Int(low, high) * country.PerDollar;
        var max = min * (decimal)f.Random.Double(1.1, 1.4);
        return (Math.Round(min / 1000) * 1000, Math.Round(max / 1000) * 1000);
    }

    private static readonly PositionLevel[] Levels = [PositionLevel.Board, PositionLevel.CSuite, PositionLevel.SvpVp, PositionLevel.Director, PositionLevel.Other];
    private static readonly float[] LevelWeights = [0.06f, 0.22f, 0.32f, 0.3f, 0.1f];
    private static readonly WorkArrangement[] Arrangements = [WorkArrangement.OnSite, WorkArrangement.Hybrid, WorkArrangement.Remote];

    private static readonly string[] BoardTitles =
        ["Non-Executive Director", "Independent Board Member", "Chair of the Board", "Audit Committee Chair", "Board Advisor"];

    private static readonly string[] ChiefTitles =
    [
        "Chief Executive Officer", "Chief Financial Officer", "Chief Operating Officer", "Chief Technology Officer",
        "Chief Marketing Officer", "Chief People Officer", "Chief Information Officer", "Chief Commercial Officer",
        "Chief Risk Officer", "General Counsel", "Chief Data Officer", "Chief Sustainability Officer",
    ];

    private static readonly string[] Regions = ["EMEA", "North America", "APAC", "DACH", "Nordics", "Latin America", "UK & Ireland", "Benelux"];

    private static readonly string[] Mandates =
    [
        "prepare the business for an IPO", "integrate two recent acquisitions", "rebuild the leadership team",
        "expand into new markets", "lead a turnaround", "scale the business after a funding round", "modernise the operating model",
        "succeed a long-serving incumbent",
    ];

    private static readonly string[] BonusNotes =
    [
        "Annual bonus up to 40% of base.", "Bonus target 30%; LTIP after year one.", "Equity of 0.5-1% with four-year vesting.",
        "Sign-on bonus negotiable.", "Car allowance and bonus up to 25%.",
    ];

    private static readonly string[] ContactTitles =
        ["Chief Executive Officer", "Chief People Officer", "Head of Talent Acquisition", "HR Director", "Founder", "Chair of the Board", "Company Secretary"];

    private static readonly string[] ReferralSources = ["LinkedIn", "Existing client", "Referral from a candidate", "Web search", "Conference", "Industry association"];
}
