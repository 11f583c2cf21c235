using System.Globalization;
using System.Text;
using Bogus;
using RmaBackOffice.Features.Candidates;
using OfficeChoice = RmaBackOffice.Features.Offices.OfficeChoice;
using RmaBackOffice.Tools.Synthetic;
using static RmaBackOffice.Tools.Synthetic.World;

namespace RmaBackOffice.Tools.Candidates;

/// <summary>Who registers: a person's details, consent and status, or a spammer's.</summary>
public static partial class CandidateGenerator
{
    private static GeneratedCandidate Make(Faker f, int id, DateTimeOffset now, StringBuilder text, IReadOnlyList<OfficeChoice> offices)
    {
        var createdAt = CreatedAt(f, now);
        var lastActivityAt = createdAt + (now - createdAt) * Math.Pow(f.Random.Double(), 3);
        if (f.Random.Double() < SpamShare)
        {
            return Spam(f, id, createdAt);
        }

        var first = f.Name.FirstName();
        var last = f.Name.LastName();
        var country = f.Random.WeightedRandom(Countries, CountryWeights);
        var level = f.Random.WeightedRandom(Levels, LevelWeights);
        var function = f.PickRandom(Functions);
        var title = Title(f, level, function);
        var employer = f.Random.Double() < 0.93 ? Employer(f) : null;
        var industryCount = f.Random.WeightedRandom([1, 2, 3], [0.45f, 0.35f, 0.2f]);
        var industries = f.PickRandom(Industry.Seed, industryCount).Select(i => i.Code).ToArray();
        var years = f.Random.Int(level is PositionLevel.Board or PositionLevel.CSuite ? 18 : 10, 40);
        var hasCompensation = f.Random.Double() < 0.6;
        var current = hasCompensation ? Math.Round(f.Random.Int(120, 900) * 1000m * country.PerDollar / 1000) * 1000 : (decimal?)null;
        var phone = f.Random.Double() < 0.85
            ? $"+{country.CallingCode} {f.Random.Int(100, 999)} {f.Random.Int(100, 999)} {f.Random.Int(1000, 9999)}"
            : null;
        var email = $"{Ascii(first)}.{Ascii(last)}{(f.Random.Double() < 0.7 ? f.Random.Int(1, 9999).ToString(CultureInfo.InvariantCulture) : "")}@{f.PickRandom(EmailDomains)}";
        var consentedAt = createdAt + (lastActivityAt - createdAt) * f.Random.Double();
        var hasResume = f.Random.Double() < 0.85;

        return new GeneratedCandidate
        {
            Id = id,
            Reference = string.Create(CultureInfo.InvariantCulture, $"CR-{createdAt.Year}-{id:000000}"),
            CreatedAt = createdAt,
            LastActivityAt = lastActivityAt,
            FirstName = first,
            LastName = last,
            Email = email,
            Phone = phone,
            City = f.Random.Double() < 0.9 ? f.PickRandom(country.Cities) : null,
            Country = country.Name,
            HandlingOfficeId = GeneratedOffices.For(offices, country.Name, id)?.Id,
            CurrentTitle = title,
            CurrentEmployer = employer,
            Level = level,
            Functions = f.Random.Double() < 0.7 ? string.Join(", ", f.PickRandom(Functions, f.Random.Int(1, 3)).Prepend(function).Distinct()) : null,
            YearsOfExperience = f.Random.Double() < 0.8 ? years : null,
            CurrentCompensation = current,
            ExpectedCompensation = current is { } c && f.Random.Double() < 0.7 ? Math.Round(c * (decimal)f.Random.Double(1.05, 1.35) / 1000) * 1000 : null,
            Currency = current is null ? null : country.Currency,
            WillingToRelocate = f.Random.Double() < 0.3,
            LinkedInUrl = f.Random.Double() < 0.7 ? $"https://www.linkedin.com/in/{Ascii(first)}-{Ascii(last)}-{f.Random.AlphaNumeric(6)}" : null,
            Summary = f.Random.Double() < 0.8 ? Summary(f, title, years, industries[0], country.Name) : null,
            Tags = f.Random.Double() < 0.15 ? string.Join(", ", f.PickRandom(Tags, f.Random.Int(1, 3))) : null,
            ConsentVersion = ConsentVersion(f, consentedAt),
            ConsentedAt = consentedAt,
            MarketingConsent = f.Random.Double() < 0.4,
            ResumeFileName = hasResume ? $"{Ascii(first)}-{Ascii(last)}-cv.{f.Random.WeightedRandom(["pdf", "docx"], [0.8f, 0.2f])}" : null,
            ResumeStoredName = hasResume ? Convert.ToHexStringLower(f.Random.Bytes(16)) : null,
            ResumeText = hasResume ? Resume(f, text, first, last, title, employer, years, industries[0], country.Name) : null,
            Status = Status(f, now - createdAt),
            NeedsReview = f.Random.Double() < 0.02,
            Industries = industries,
        };
    }

    private static GeneratedCandidate Spam(Faker f, int id, DateTimeOffset createdAt) => new()
    {
        Id = id,
        Reference = string.Create(CultureInfo.InvariantCulture, $"CR-{createdAt.Year}-{id:000000}"),
        CreatedAt = createdAt,
        LastActivityAt = createdAt,
        FirstName = f.PickRandom("SEO", "Crypto", "Best", "Cheap", "Win"),
        LastName = f.PickRandom("Services", "Deals", "Backlinks", "Offer", "Prize"),
        Email = $"{f.Random.AlphaNumeric(10)}@{f.PickRandom("mailinator.com", "spam.biz", "promo.ru")}",
        Country = f.PickRandom(Countries).Name,
        CurrentTitle = f.PickRandom("Growth Hacker", "Marketing Guru", "Investment Opportunity", "SEO Expert"),
        Level = PositionLevel.Other,
        Summary = f.PickRandom(SpamTexts),
        ConsentVersion = Consent.CurrentVersion,
        ConsentedAt = createdAt,
        Status = CandidateStatus.New,
        IsSpam = true,
        Industries = [Industry.Seed[f.Random.Int(0, Industry.Seed.Count - 1)].Code],
    };

    /// <summary>Ten years of registrations, growing towards today: a third spread evenly, the rest denser the more recent.</summary>
    private static DateTimeOffset CreatedAt(Faker f, DateTimeOffset now)
    {
        var span = TimeSpan.FromDays(365.25 * YearsOfHistory);
        var fraction = f.Random.Double() < 0.33 ? f.Random.Double() : 1 - Math.Sqrt(f.Random.Double());
        return now - span * fraction - TimeSpan.FromSeconds(f.Random.Int(1, 600));
    }

    /// <summary>New registrations wait for screening; older ones have been sorted, and the oldest mostly archived.</summary>
    private static CandidateStatus Status(Faker f, TimeSpan age)
    {
        if (age < TimeSpan.FromDays(14))
        {
            return f.Random.WeightedRandom([CandidateStatus.New, CandidateStatus.Screened, CandidateStatus.NotAFit], [0.7f, 0.2f, 0.1f]);
        }
        if (age < TimeSpan.FromDays(365))
        {
            return f.Random.WeightedRandom(
                [CandidateStatus.New, CandidateStatus.Screened, CandidateStatus.Qualified, CandidateStatus.Placed, CandidateStatus.NotAFit, CandidateStatus.Archived],
                [0.08f, 0.35f, 0.25f, 0.04f, 0.2f, 0.08f]);
        }
        return f.Random.WeightedRandom(
            [CandidateStatus.New, CandidateStatus.Screened, CandidateStatus.Qualified, CandidateStatus.Placed, CandidateStatus.NotAFit, CandidateStatus.Archived],
            [0.01f, 0.2f, 0.18f, 0.06f, 0.2f, 0.35f]);
    }

    /// <summary>Most candidates re-consented when the notice changed; those who registered before and never came back have an old version.</summary>
    private static string ConsentVersion(Faker f, DateTimeOffset consentedAt)
    {
        if (f.Random.Double() < 0.85)
        {
            return Consent.CurrentVersion;
        }
        var year = consentedAt.Year;
        return PastConsentVersions.LastOrDefault(v => int.Parse(v[..4], CultureInfo.InvariantCulture) <= year) ?? PastConsentVersions[0];
    }

    private static string Title(Faker f, PositionLevel level, string function) => level switch
    {
        PositionLevel.Board => f.PickRandom(BoardTitles),
        PositionLevel.CSuite => f.PickRandom(ChiefTitles),
        PositionLevel.SvpVp => $"{f.PickRandom("Vice President", "Senior Vice President", "Executive Vice President", "Group Head")}, {function}",
        PositionLevel.Director => $"{f.PickRandom("Director", "Managing Director", "Regional Director", "Global Director")} of {function}",
        _ => $"{f.PickRandom("Head of", "Senior Manager,", "Principal,")} {function}",
    };

    private static string Employer(Faker f) =>
        f.Random.Double() < 0.4 ? $"{f.Company.CompanyName()} {f.PickRandom(LegalForms)}" : f.Company.CompanyName();

    private static string Summary(Faker f, string title, int years, string industry, string country) =>
        $"{title} with {years} years in {IndustryName(industry)}, based in {country}. {f.PickRandom(SummaryLines)}";

    private static string IndustryName(string code) => IndustryNames[code];

    private static readonly PositionLevel[] Levels = [PositionLevel.Board, PositionLevel.CSuite, PositionLevel.SvpVp, PositionLevel.Director, PositionLevel.Other];
    private static readonly float[] LevelWeights = [0.05f, 0.15f, 0.3f, 0.35f, 0.15f];

    private static readonly Dictionary<string, string> IndustryNames = Industry.Seed.ToDictionary(i => i.Code, i => i.Name);

    private static readonly string[] EmailDomains = ["gmail.com", "gmail.com", "gmail.com", "outlook.com", "yahoo.com", "icloud.com", "proton.me", "hotmail.com", "gmx.de", "me.com"];

    private static readonly string[] LegalForms = ["Inc.", "LLC", "Ltd", "GmbH", "plc", "Group", "Holdings", "Corp.", "AG", "SA"];

    private static readonly string[] BoardTitles =
        ["Non-Executive Director", "Independent Board Member", "Chair of the Board", "Audit Committee Chair", "Board Advisor", "Senior Independent Director"];

    private static readonly string[] ChiefTitles =
    [
        "Chief Executive Officer", "Chief Financial Officer", "Chief Operating Officer", "Chief Technology Officer",
        "Chief Marketing Officer", "Chief People Officer", "Chief Information Officer", "Chief Commercial Officer",
        "Chief Risk Officer", "General Counsel", "Chief Data Officer", "Chief Sustainability Officer", "President",
    ];

    private static readonly string[] Tags = ["Shortlist material", "Relocation ready", "Board ready", "Bilingual", "Turnaround", "PE-backed", "IPO experience", "Do not approach before Q3"];

    private static readonly string[] SummaryLines =
    [
        "Known for building high-performing teams and delivering profitable growth.",
        "Track record of turnarounds in complex, regulated businesses.",
        "Led two successful exits for private-equity owners.",
        "Combines commercial instinct with operational discipline.",
        "Experienced in international expansion across Europe and Asia.",
        "Trusted adviser to boards on strategy, risk and capital allocation.",
        "Brings a digital and data-led approach to traditional industries.",
        "Has scaled organisations from start-up to several thousand employees.",
        "Open to board roles alongside an executive position.",
        "Passionate about developing the next generation of leaders.",
    ];

    private static readonly string[] SpamTexts =
    [
        "Best SEO backlinks cheap price guaranteed first page click here", "Crypto investment opportunity double your money in days",
        "Buy followers and likes for your business profile today", "You have won a prize, claim it now at our website",
    ];
}
