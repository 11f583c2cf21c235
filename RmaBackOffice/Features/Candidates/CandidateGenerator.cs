using System.Data;
using System.Globalization;
using System.Text;
using System.Threading.Channels;
using Bogus;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Data;

namespace RmaBackOffice.Features.Candidates;

/// <summary>
/// Fills a database with synthetic candidates as an executive-search firm would hold them: ten years of registrations,
/// mostly processed, one to three industries each, a resume's worth of text in most, a little spam. The resume vocabulary
/// is built so that searches can be measured: <see cref="CommonTerm"/> is in about a third of the resumes, each of
/// <see cref="RareTerms"/> in about one in a hundred.
/// </summary>
public static class CandidateGenerator
{
    /// <summary>A word in roughly 30–40% of generated candidates.</summary>
    public const string CommonTerm = "transformation";

    /// <summary>Domain words each found in roughly 1% of generated candidates.</summary>
    public static IReadOnlyList<string> RareTerms => RareWords;

    private static readonly string[] RareWords =
    [
        "reinsurance", "desalination", "microfinance", "geothermal", "biosimilars", "cryogenics", "tokenisation", "hydroponics",
        "actuarial", "lithography", "telematics", "aquaculture", "radiopharmaceuticals", "photonics", "carbonisation", "agritech",
        "proptech", "insurtech", "regtech", "nanomaterials", "bioplastics", "catalysis", "hyperscale", "satcom", "wayleave",
        "forfaiting", "sukuk", "peptides", "offtake", "microgrids", "electrolysers", "smelting", "viticulture", "stevedoring",
        "dialysis", "orthopaedics", "genomics", "ophthalmics", "avionics", "shipbroking", "bancassurance", "remittances",
        "crowdfunding", "ecotourism", "veterinary", "biofuels", "drydock", "tolling", "pipelines", "mezzanine",
    ];

    private const int BatchSize = 10_000;
    private const int YearsOfHistory = 10;
    private const double SpamShare = 0.01;
    private const double RareWordsPerResume = 0.5;

    private static readonly string[] PastConsentVersions = ["2019-05", "2021-03", "2023-09", "2025-02"];

    /// <summary>
    /// Adds <paramref name="count"/> candidates after any already stored. The same seed gives the same data.
    /// The full-text index is filled once after the rows are in (its insert trigger dropped meanwhile and then re-created
    /// as the migration made it): several times faster than a trigger per row.
    /// </summary>
    public static async Task<CandidateGenerationResult> GenerateAsync(
        AppDbContext db, int count, DateTimeOffset now, int seed = 20261125, Action<string>? progress = null, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var faker = new Faker("en") { Random = new Randomizer(seed) };

        await db.Database.OpenConnectionAsync(ct);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await SqliteBulk.ExecuteAsync(connection, "PRAGMA cache_size = -262144", ct);
        var firstId = 0;
        try
        {
            firstId = Convert.ToInt32(await SqliteBulk.ScalarAsync(connection, "SELECT COALESCE(MAX(Id), 0) FROM Candidates", ct), CultureInfo.InvariantCulture) + 1;
            var triggerSql = (string?)await SqliteBulk.ScalarAsync(connection, "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'Candidates_ai'", ct)
                ?? throw new InvalidOperationException("The database has no Candidates_ai trigger: run the migrations first.");
            await SqliteBulk.ExecuteAsync(connection, "DROP TRIGGER Candidates_ai", ct);
            try
            {
                var result = await WriteRowsAsync(connection, faker, count, firstId, now, progress, ct);
                progress?.Invoke($"rows written; indexing the text of {count:N0} candidates");
                return result;
            }
            finally
            {
                // Always: rows already committed must be searchable, and the app needs its trigger back.
                await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(CancellationToken.None);
                await SqliteBulk.ExecuteAsync(connection, """
                    INSERT INTO CandidateSearch(rowid, FirstName, LastName, CurrentTitle, CurrentEmployer, Summary, ResumeText)
                    SELECT Id, FirstName, LastName, CurrentTitle, CurrentEmployer, Summary, ResumeText FROM Candidates WHERE Id >= $first
                    """, CancellationToken.None, ("$first", firstId));
                await SqliteBulk.ExecuteAsync(connection, triggerSql, CancellationToken.None);
                await tx.CommitAsync(CancellationToken.None);
            }
        }
        finally
        {
            await SqliteBulk.ExecuteAsync(connection, "PRAGMA cache_size = -2000", CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<CandidateGenerationResult> WriteRowsAsync(
        SqliteConnection connection, Faker faker, int count, int firstId, DateTimeOffset now, Action<string>? progress, CancellationToken ct)
    {
        // One thread makes the next batch while the other writes this one.
        var batches = Channel.CreateBounded<GeneratedCandidate[]>(2);
        var making = Task.Run(async () =>
        {
            try
            {
                var text = new StringBuilder(4096);
                for (var start = 0; start < count; start += BatchSize)
                {
                    var batch = new GeneratedCandidate[Math.Min(BatchSize, count - start)];
                    for (var i = 0; i < batch.Length; i++)
                    {
                        batch[i] = Make(faker, firstId + start + i, now, text);
                    }
                    await batches.Writer.WriteAsync(batch, ct);
                }
                batches.Writer.Complete();
            }
            catch (Exception ex)
            {
                batches.Writer.Complete(ex);
            }
        }, ct);

        using var writer = new RowWriter(connection);
        var written = 0;
        var industries = 0;
        var spam = 0;
        await foreach (var batch in batches.Reader.ReadAllAsync(ct))
        {
            await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
            writer.Enlist(tx);
            foreach (var candidate in batch)
            {
                industries += writer.Write(candidate);
                spam += candidate.IsSpam ? 1 : 0;
            }
            await tx.CommitAsync(ct);
            written += batch.Length;
            if (written % 100_000 == 0 || written == count)
            {
                progress?.Invoke($"{written,9:N0} / {count:N0}");
            }
        }
        await making;
        return new CandidateGenerationResult(written, industries, spam);
    }

    private static GeneratedCandidate Make(Faker f, int id, DateTimeOffset now, StringBuilder text)
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

    /// <summary>A few hundred words: a profile, experience bullets drawn from a shared pool of phrases, and now and then a rarer domain word.</summary>
    private static string Resume(Faker f, StringBuilder text, string first, string last, string title, string? employer, int years, string industry, string country)
    {
        text.Clear();
        text.Append(first).Append(' ').Append(last).Append('\n').Append(title);
        if (employer is not null)
        {
            text.Append(", ").Append(employer);
        }
        text.Append('\n').Append(country).Append("\n\nPROFILE\n")
            .Append(CultureInfo.InvariantCulture, $"Senior executive with {years} years of experience in {IndustryName(industry)}. ")
            .Append(f.PickRandom(SummaryLines)).Append("\n\nEXPERIENCE\n");
        var phrases = f.Random.Int(10, 18);
        for (var i = 0; i < phrases; i++)
        {
            text.Append("- ").Append(f.PickRandom(ResumePhrases)).Append('\n');
        }
        // Each rare word lands in about one resume in a hundred.
        while (f.Random.Double() < RareWordsPerResume / (1 + RareWordsPerResume))
        {
            var word = f.PickRandom(RareWords);
            text.Append("- ").Append(string.Format(CultureInfo.InvariantCulture, f.PickRandom(RareTemplates), word)).Append('\n');
        }
        text.Append("\nEDUCATION\n").Append(f.PickRandom(Education)).Append("\n\nBOARD AND ADVISORY\n").Append(f.PickRandom(Advisory));
        return text.ToString();
    }

    private static string IndustryName(string code) => IndustryNames[code];

    private static string Ascii(string name) => new string(name.Where(char.IsAsciiLetter).ToArray()).ToLowerInvariant();



    private sealed record GeneratedCandidate
    {
        public int Id { get; init; }
        public string Reference { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset LastActivityAt { get; init; }
        public string FirstName { get; init; } = "";
        public string LastName { get; init; } = "";
        public string Email { get; init; } = "";
        public string? Phone { get; init; }
        public string? City { get; init; }
        public string Country { get; init; } = "";
        public string CurrentTitle { get; init; } = "";
        public string? CurrentEmployer { get; init; }
        public PositionLevel Level { get; init; }
        public string? Functions { get; init; }
        public int? YearsOfExperience { get; init; }
        public decimal? CurrentCompensation { get; init; }
        public decimal? ExpectedCompensation { get; init; }
        public string? Currency { get; init; }
        public bool WillingToRelocate { get; init; }
        public string? LinkedInUrl { get; init; }
        public string? Summary { get; init; }
        public string? Tags { get; init; }
        public string ConsentVersion { get; init; } = "";
        public DateTimeOffset ConsentedAt { get; init; }
        public bool MarketingConsent { get; init; }
        public string? ResumeFileName { get; init; }
        public string? ResumeStoredName { get; init; }
        public string? ResumeText { get; init; }
        public CandidateStatus Status { get; init; }
        public bool NeedsReview { get; init; }
        public bool IsSpam { get; init; }
        public string[] Industries { get; init; } = [];
    }

    /// <summary>Prepared inserts, bound column by column: EF's change tracker would take many minutes for a million rows.</summary>
    private sealed class RowWriter : IDisposable
    {
        private static readonly (string Column, Func<GeneratedCandidate, object?> Value)[] Columns =
        [
            ("Id", c => c.Id),
            ("Reference", c => c.Reference),
            ("CreatedAt", c => c.CreatedAt.UtcTicks),
            ("LastActivityAt", c => c.LastActivityAt.UtcTicks),
            ("FirstName", c => c.FirstName),
            ("LastName", c => c.LastName),
            ("Email", c => c.Email),
            ("EmailKey", c => CandidateKeys.Email(c.Email)),
            ("Phone", c => c.Phone),
            ("PhoneKey", c => CandidateKeys.Phone(c.Phone)),
            ("City", c => c.City),
            ("Country", c => c.Country),
            ("CurrentTitle", c => c.CurrentTitle),
            ("CurrentEmployer", c => c.CurrentEmployer),
            ("Level", c => (int)c.Level),
            ("Functions", c => c.Functions),
            ("YearsOfExperience", c => c.YearsOfExperience),
            ("CurrentCompensation", c => (double?)c.CurrentCompensation),
            ("ExpectedCompensation", c => (double?)c.ExpectedCompensation),
            ("Currency", c => c.Currency),
            ("WillingToRelocate", c => c.WillingToRelocate),
            ("LinkedInUrl", c => c.LinkedInUrl),
            ("Summary", c => c.Summary),
            ("Tags", c => c.Tags),
            ("ConsentVersion", c => c.ConsentVersion),
            ("ConsentedAt", c => c.ConsentedAt.UtcTicks),
            ("MarketingConsent", c => c.MarketingConsent),
            ("ResumeFileName", c => c.ResumeFileName),
            ("ResumeStoredName", c => c.ResumeStoredName),
            ("ResumeContentType", c => c.ResumeFileName is null ? null
                : c.ResumeFileName.EndsWith(".pdf", StringComparison.Ordinal) ? "application/pdf"
                : "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            ("ResumeSize", c => c.ResumeText is null ? null : (long?)(c.ResumeText.Length * 9 + 18_000)),
            ("ResumeText", c => c.ResumeText),
            ("ResumeUnreadable", _ => false),
            ("Status", c => (int)c.Status),
            ("NeedsReview", c => c.NeedsReview),
            ("IsSpam", c => c.IsSpam),
            ("Version", _ => 0),
        ];

        private readonly SqliteCommand insertCandidate;
        private readonly SqliteCommand insertIndustry;
        private readonly SqliteCommand insertActivity;

        public RowWriter(SqliteConnection connection)
        {
            insertCandidate = SqliteBulk.Insert(connection, "Candidates", [.. Columns.Select(c => c.Column)]);
            insertIndustry = SqliteBulk.Insert(connection, "CandidateIndustries", ["CandidateId", "Code"]);
            insertActivity = SqliteBulk.Insert(connection, "CandidateActivities", ["CandidateId", "At", "Kind", "ActorId", "ActorName", "Text"]);
        }

        public void Enlist(SqliteTransaction tx)
        {
            insertCandidate.Transaction = tx;
            insertIndustry.Transaction = tx;
            insertActivity.Transaction = tx;
        }

        /// <summary>Writes the candidate, its industries and its registration entry; returns the number of industries.</summary>
        public int Write(GeneratedCandidate candidate)
        {
            var parameters = insertCandidate.Parameters;
            for (var i = 0; i < Columns.Length; i++)
            {
                parameters[i].Value = Columns[i].Value(candidate) ?? DBNull.Value;
            }
            insertCandidate.ExecuteNonQuery();

            foreach (var code in candidate.Industries)
            {
                insertIndustry.Parameters[0].Value = candidate.Id;
                insertIndustry.Parameters[1].Value = code;
                insertIndustry.ExecuteNonQuery();
            }

            parameters = insertActivity.Parameters;
            parameters[0].Value = candidate.Id;
            parameters[1].Value = candidate.CreatedAt.UtcTicks;
            parameters[2].Value = (int)CandidateActivityKind.Registered;
            parameters[3].Value = DBNull.Value;
            parameters[4].Value = Actor.Public.Name;
            parameters[5].Value = candidate.IsSpam ? "Flagged as spam by the registration form" : DBNull.Value;
            insertActivity.ExecuteNonQuery();
            return candidate.Industries.Length;
        }

        public void Dispose()
        {
            insertCandidate.Dispose();
            insertIndustry.Dispose();
            insertActivity.Dispose();
        }
    }

    private sealed record Country(string Name, string Currency, decimal PerDollar, string CallingCode, string[] Cities);

    private static readonly Country[] Countries =
    [
        new("United States", "USD", 1m, "1", ["New York", "Boston", "Chicago", "San Francisco", "Dallas", "Atlanta", "Seattle", "Los Angeles", "Miami", "Denver"]),
        new("United Kingdom", "GBP", 0.8m, "44", ["London", "Manchester", "Edinburgh", "Birmingham", "Bristol"]),
        new("Germany", "EUR", 0.9m, "49", ["Frankfurt", "Munich", "Berlin", "Hamburg", "Düsseldorf"]),
        new("France", "EUR", 0.9m, "33", ["Paris", "Lyon", "Toulouse"]),
        new("Netherlands", "EUR", 0.9m, "31", ["Amsterdam", "Rotterdam", "Eindhoven"]),
        new("Switzerland", "CHF", 0.9m, "41", ["Zürich", "Geneva", "Basel"]),
        new("Canada", "CAD", 1.35m, "1", ["Toronto", "Vancouver", "Montréal", "Calgary"]),
        new("Australia", "AUD", 1.5m, "61", ["Sydney", "Melbourne", "Brisbane"]),
        new("Singapore", "SGD", 1.35m, "65", ["Singapore"]),
        new("Japan", "JPY", 150m, "81", ["Tokyo", "Osaka"]),
        new("United Arab Emirates", "AED", 3.67m, "971", ["Dubai", "Abu Dhabi"]),
        new("Brazil", "BRL", 5m, "55", ["São Paulo", "Rio de Janeiro"]),
        new("India", "INR", 83m, "91", ["Mumbai", "Bengaluru", "New Delhi"]),
        new("Mexico", "MXN", 17m, "52", ["Mexico City", "Monterrey"]),
        new("Sweden", "SEK", 10.5m, "46", ["Stockholm", "Gothenburg"]),
    ];

    private static readonly float[] CountryWeights = [0.42f, 0.14f, 0.09f, 0.05f, 0.04f, 0.03f, 0.06f, 0.04f, 0.03f, 0.02f, 0.02f, 0.02f, 0.02f, 0.01f, 0.01f];

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

    private static readonly string[] Functions =
    [
        "Finance", "Sales", "Marketing", "Engineering", "Operations", "Human Resources", "Supply Chain", "Product", "Strategy",
        "Legal", "Compliance", "Investor Relations", "Business Development", "Procurement", "Research & Development",
        "Data & Analytics", "Customer Success", "Manufacturing", "Quality", "Corporate Development", "Information Security",
        "Treasury", "Tax",
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

    // A shared pool, each resume drawing a dozen or more: common words end up in a large share of candidates.
    private static readonly string[] ResumePhrases =
    [
        "Led a group-wide digital transformation programme, delivering cost savings of 18% within two years.",
        "Built and led a leadership team of twelve direct reports across five countries.",
        "Grew revenue from $120m to $340m through organic growth and three acquisitions.",
        "Owned the P&L for a division with 2,400 employees and operations in 14 markets.",
        "Drove the post-merger integration of two businesses, consolidating systems and culture.",
        "Negotiated a strategic partnership that opened distribution in Asia-Pacific.",
        "Prepared the company for its initial public offering and led investor roadshows.",
        "Introduced a performance culture with clear targets, accountability and coaching.",
        "Restructured the cost base and returned the business to profitability in eighteen months.",
        "Chaired the executive risk committee and strengthened regulatory compliance.",
        "Launched a new product line that contributed 25% of revenue within three years.",
        "Transformed the operating model, moving to shared services and nearshore delivery.",
        "Raised $85m in growth capital from institutional investors.",
        "Reported to the board on strategy, budgets and capital allocation every quarter.",
        "Championed diversity and inclusion, raising female representation in leadership to 40%.",
        "Streamlined the supply chain, reducing working capital by $30m.",
        "Led the commercial turnaround of an underperforming region.",
        "Established a data and analytics function that informed pricing and customer strategy.",
        "Managed stakeholder relationships with regulators, unions and government.",
        "Delivered an ERP implementation on time and under budget.",
        "Developed the five-year strategic plan adopted by the board.",
        "Expanded the customer base into new segments and doubled recurring revenue.",
        "Oversaw mergers and acquisitions, completing seven transactions worth $1.2bn.",
        "Built the sustainability strategy and the first ESG report for investors.",
        "Coached and developed successors for every direct report.",
        "Reorganised sales into key-account and channel teams, lifting win rates by a third.",
        "Negotiated refinancing of the group's debt facilities on improved terms.",
        "Implemented lean manufacturing across four plants, improving margins by 6 points.",
        "Led the company through the pandemic without redundancies.",
        "Represented the company at industry associations and international conferences.",
        "Sponsored a cultural transformation that lifted employee engagement scores by 20 points.",
        "Directed a customer-experience transformation that raised net promoter score by 25.",
        "Set up the company's first operations in Latin America.",
        "Managed a global team of 600 across engineering, product and operations.",
        "Drove pricing discipline that added 3 points of gross margin.",
        "Worked closely with private-equity owners on value creation plans.",
        "Delivered double-digit EBITDA growth for five consecutive years.",
        "Rebuilt the finance function, shortening the monthly close from twelve days to four.",
        "Led cybersecurity and technology risk programmes across the group.",
        "Managed relationships with the largest customers and strategic accounts.",
    ];

    private static readonly string[] RareTemplates =
    [
        "Led the {0} business line through a period of rapid growth.",
        "Advised the board on {0} investments and partnerships.",
        "Built deep expertise in {0}, including regulatory engagement.",
        "Launched a {0} venture that reached profitability in its second year.",
    ];

    private static readonly string[] Education =
    [
        "MBA, INSEAD", "MBA, Harvard Business School", "MBA, London Business School", "MSc Finance, London School of Economics",
        "BSc Mechanical Engineering, ETH Zürich", "BA Economics, University of Cambridge", "Chartered Accountant (ACA)",
        "JD, Columbia Law School", "Executive Programme, Stanford GSB", "BEng Electrical Engineering, Imperial College London",
    ];

    private static readonly string[] Advisory =
    [
        "Non-executive director of a listed mid-cap company.", "Trustee of an education charity.", "Member of the Institute of Directors.",
        "Advisory board of a venture-backed start-up.", "Mentor in a leadership programme for women in business.", "None at present.",
    ];

    private static readonly string[] SpamTexts =
    [
        "Best SEO backlinks cheap price guaranteed first page click here", "Crypto investment opportunity double your money in days",
        "Buy followers and likes for your business profile today", "You have won a prize, claim it now at our website",
    ];
}

public sealed record CandidateGenerationResult(int Candidates, int Industries, int Spam);
