using System.Data;
using System.Globalization;
using System.Threading.Channels;
using Bogus;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Data;

namespace RmaBackOffice.Features.JobOrders;

/// <summary>
/// Fills a database with synthetic job orders spread as a real firm's would be: repeat clients, ten years of intake,
/// old searches mostly finished and recent ones still open, recruiters owning them, a timeline for each, a little spam.
/// Each order goes through the domain's own methods, so every status and timeline entry is one the app could have made.
/// </summary>
public static class JobOrderGenerator
{
    public const int RecruiterCount = 25;
    private const int BatchSize = 5_000;
    private const int YearsOfHistory = 10;

    /// <summary>Adds <paramref name="count"/> job orders after any already stored. The same seed gives the same data.</summary>
    public static async Task<GenerationResult> GenerateAsync(
        AppDbContext db, int count, DateTimeOffset now, int seed = 20261125, Action<int>? progress = null, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var faker = new Faker("en") { Random = new Randomizer(seed) };
        var (recruiters, created) = await EnsureRecruitersAsync(db, faker, now, ct);

        await db.Database.OpenConnectionAsync(ct);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        // A large page cache for this connection only: the secondary indexes are written in random order.
        await SqliteBulk.ExecuteAsync(connection, "PRAGMA cache_size = -262144", ct);
        try
        {
            var firstId = Convert.ToInt32(await SqliteBulk.ScalarAsync(connection, "SELECT COALESCE(MAX(Id), 0) FROM JobOrders", ct), CultureInfo.InvariantCulture) + 1;
            var companies = Company.Pool(faker, Math.Max(40, count / 12));

            // One thread makes the next batch of orders while the other writes this one.
            var batches = Channel.CreateBounded<JobOrder[]>(2);
            var making = Task.Run(async () =>
            {
                try
                {
                    for (var start = 0; start < count; start += BatchSize)
                    {
                        var batch = new JobOrder[Math.Min(BatchSize, count - start)];
                        for (var i = 0; i < batch.Length; i++)
                        {
                            batch[i] = MakeOrder(faker, companies, recruiters, now);
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

            var writer = new RowWriter(connection);
            var written = 0;
            var activities = 0;
            await foreach (var batch in batches.Reader.ReadAllAsync(ct))
            {
                await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
                writer.Enlist(tx);
                foreach (var order in batch)
                {
                    activities += writer.Write(firstId + written++, order);
                }
                await tx.CommitAsync(ct);
                progress?.Invoke(written);
            }
            await making;
            return new GenerationResult(count, activities, created);
        }
        finally
        {
            await SqliteBulk.ExecuteAsync(connection, "PRAGMA cache_size = -2000", CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }

    private static JobOrder MakeOrder(Faker f, IReadOnlyList<Company> companies, Actor[] recruiters, DateTimeOffset now)
    {
        var receivedAt = ReceivedAt(f, now);
        if (f.Random.Double() < 0.02)
        {
            return JobOrder.Receive(SpamForm(f), receivedAt, null);
        }

        // A few clients come back again and again; most send one or two searches.
        var company = companies[(int)(companies.Count * Math.Pow(f.Random.Double(), 1.5))];
        var level = f.Random.WeightedRandom(Levels, LevelWeights);
        var country = f.Random.Double() < 0.85 ? company.Country : f.PickRandom(Countries);
        var (min, max) = Salary(f, level, country);
        var contactFirst = f.Name.FirstName();
        var contactLast = f.Name.LastName();
        var title = Title(f, level);
        var form = new JobOrderIntakeForm
        {
            CompanyName = company.Name,
            CompanyWebsite = f.Random.Double() < 0.9 ? company.Website : null,
            Industry = company.Industry,
            PositionTitle = title,
            Level = level.ToString(),
            City = f.Random.Double() < 0.92 ? f.PickRandom(country.Cities) : null,
            Country = country.Name,
            WorkArrangement = f.Random.Double() < 0.85 ? f.Random.WeightedRandom(Arrangements, [0.45f, 0.45f, 0.10f]).ToString() : null,
            SalaryMin = min,
            SalaryMax = max,
            Currency = min is null ? null : country.Currency,
            BonusNotes = f.Random.Double() < 0.3 ? f.PickRandom(BonusNotes) : null,
            Openings = f.Random.Double() < 0.93 ? 1 : f.Random.Int(2, 4),
            DesiredStartDate = f.Random.Double() < 0.6 ? DateOnly.FromDateTime(receivedAt.UtcDateTime).AddDays(f.Random.Int(30, 150)) : null,
            ReportsTo = ReportsTo(f, level),
            Description = Description(f, company.Name, title, country),
            ContactName = $"{contactFirst} {contactLast}",
            ContactTitle = f.Random.Double() < 0.8 ? f.PickRandom(ContactTitles) : null,
            ContactEmail = $"{Ascii(contactFirst)}.{Ascii(contactLast)}@{company.Domain}",
            ContactPhone = f.Random.Double() < 0.75 ? $"+{country.CallingCode} {f.Random.Int(100, 999)} {f.Random.Int(100, 999)} {f.Random.Int(1000, 9999)}" : null,
            ReferralSource = f.Random.Double() < 0.6 ? f.PickRandom(ReferralSources) : null,
            ConsentToContact = true,
        };
        var order = JobOrder.Receive(form, receivedAt, null);
        Work(f, order, recruiters, now);
        return order;
    }

    /// <summary>Ten years of intake, growing towards today: a third spread evenly, the rest denser the more recent.</summary>
    private static DateTimeOffset ReceivedAt(Faker f, DateTimeOffset now)
    {
        var span = TimeSpan.FromDays(365.25 * YearsOfHistory);
        var fraction = f.Random.Double() < 0.33 ? f.Random.Double() : 1 - Math.Sqrt(f.Random.Double());
        return now - span * fraction - TimeSpan.FromSeconds(f.Random.Int(1, 600));
    }

    /// <summary>What the firm did with the order: assigned, moved along the workflow, noted; the older, the more likely finished.</summary>
    private static void Work(Faker f, JobOrder order, Actor[] recruiters, DateTimeOffset now)
    {
        var age = now - order.ReceivedAt;
        var target = TargetStatus(f, age);
        var end = order.ReceivedAt + (age < TimeSpan.FromDays(400) ? age : TimeSpan.FromDays(400));
        var at = order.ReceivedAt;
        DateTimeOffset Next() => at += (end - at) * f.Random.Double(0.05, 0.35);

        var owner = f.PickRandom(recruiters);
        if (target != JobOrderStatus.New || f.Random.Double() < 0.4)
        {
            // The desk lead hands most orders out; some recruiters pick their own.
            var by = f.Random.Double() < 0.7 ? recruiters[0] : owner;
            order.AssignTo(owner.Id, owner.Name, null, by, Next());
        }

        void Move(JobOrderStatus to, string? reason = null) => order.MoveTo(to, reason, owner, Next());

        switch (target)
        {
            case JobOrderStatus.New:
                break;
            case JobOrderStatus.Rejected:
                if (f.Random.Double() < 0.25)
                {
                    Move(JobOrderStatus.Qualifying);
                }
                Move(JobOrderStatus.Rejected, f.PickRandom(RejectReasons));
                break;
            case JobOrderStatus.Closed when f.Random.Double() < 0.5:
                Move(JobOrderStatus.Closed, f.PickRandom(CloseReasons));
                break;
            default:
                Move(JobOrderStatus.Qualifying);
                if (target == JobOrderStatus.Qualifying)
                {
                    break;
                }
                if (f.Random.Double() < 0.15)
                {
                    AgreeTerms(f, order, owner, Next());
                }
                Move(JobOrderStatus.ActiveSearch);
                if (target == JobOrderStatus.Filled)
                {
                    Move(JobOrderStatus.Filled);
                }
                else if (target == JobOrderStatus.OnHold)
                {
                    Move(JobOrderStatus.OnHold);
                }
                else if (target == JobOrderStatus.Closed)
                {
                    Move(JobOrderStatus.Closed, f.PickRandom(CloseReasons));
                }
                break;
        }

        var notes = f.Random.WeightedRandom([0, 1, 2], [0.85f, 0.12f, 0.03f]);
        for (var i = 0; i < notes && target != JobOrderStatus.New; i++)
        {
            order.AddNote(f.PickRandom(Notes), owner, Next());
        }
        if (f.Random.Double() < 0.1)
        {
            order.SetPriority(f.Random.WeightedRandom([JobOrderPriority.High, JobOrderPriority.Urgent, JobOrderPriority.Low], [0.55f, 0.2f, 0.25f]), owner, Next());
        }
    }

    private static JobOrderStatus TargetStatus(Faker f, TimeSpan age)
    {
        if (age < TimeSpan.FromDays(3))
        {
            return f.Random.WeightedRandom([JobOrderStatus.New, JobOrderStatus.Qualifying, JobOrderStatus.Rejected], [0.7f, 0.2f, 0.1f]);
        }
        if (age < TimeSpan.FromDays(30))
        {
            return f.Random.WeightedRandom(
                [JobOrderStatus.New, JobOrderStatus.Qualifying, JobOrderStatus.ActiveSearch, JobOrderStatus.OnHold, JobOrderStatus.Rejected],
                [0.15f, 0.3f, 0.35f, 0.05f, 0.15f]);
        }
        if (age < TimeSpan.FromDays(180))
        {
            return f.Random.WeightedRandom(
                [JobOrderStatus.Qualifying, JobOrderStatus.ActiveSearch, JobOrderStatus.OnHold, JobOrderStatus.Filled, JobOrderStatus.Closed, JobOrderStatus.Rejected],
                [0.05f, 0.35f, 0.1f, 0.25f, 0.1f, 0.15f]);
        }
        return f.Random.WeightedRandom(
            [JobOrderStatus.ActiveSearch, JobOrderStatus.OnHold, JobOrderStatus.Filled, JobOrderStatus.Closed, JobOrderStatus.Rejected],
            [0.01f, 0.02f, 0.47f, 0.3f, 0.2f]);
    }

    private static void AgreeTerms(Faker f, JobOrder order, Actor by, DateTimeOffset at)
    {
        var terms = JobOrderEditForm.From(order);
        terms.Engagement = f.Random.Double() < 0.6 ? EngagementType.Retained : EngagementType.Contingent;
        if (f.Random.Double() < 0.85)
        {
            terms.FeePercent = f.PickRandom(25m, 30m, 33m, 35m);
        }
        else
        {
            terms.FlatFee = f.Random.Int(4, 20) * 10_000m;
        }
        terms.IsConfidential = f.Random.Double() < 0.1;
        order.Edit(terms, by, at);
    }

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

    private static string Ascii(string name) => new string(name.Where(char.IsAsciiLetter).ToArray()).ToLowerInvariant();

    /// <summary>Generated recruiters have no password: they own records and cannot sign in until an admin sets one.</summary>
    private static async Task<(Actor[] Recruiters, int Created)> EnsureRecruitersAsync(AppDbContext db, Faker f, DateTimeOffset now, CancellationToken ct)
    {
        var roleId = await db.Roles.Where(r => r.NormalizedName == Roles.Recruiter.ToUpperInvariant()).Select(r => r.Id).FirstOrDefaultAsync(ct);
        if (roleId is null)
        {
            var role = new IdentityRole(Roles.Recruiter) { NormalizedName = Roles.Recruiter.ToUpperInvariant() };
            db.Roles.Add(role);
            roleId = role.Id;
        }
        var existing = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId))
            .OrderBy(u => u.Email)
            .Select(u => new Actor(u.Id, u.DisplayName))
            .ToListAsync(ct);
        var recruiters = new List<Actor>(existing);
        var taken = (await db.Users.Select(u => u.NormalizedEmail).ToListAsync(ct)).ToHashSet();
        while (recruiters.Count < RecruiterCount)
        {
            var first = f.Name.FirstName();
            var last = f.Name.LastName();
            var email = $"{Ascii(first)}.{Ascii(last)}@rma.local";
            if (!taken.Add(email.ToUpperInvariant()))
            {
                continue;
            }
            var user = new ApplicationUser
            {
                Id = f.Random.Guid().ToString(),
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                DisplayName = $"{first} {last}",
                SecurityStamp = f.Random.Guid().ToString("N").ToUpperInvariant(),
                ConcurrencyStamp = f.Random.Guid().ToString(),
                LockoutEnabled = true,
                CreatedAt = now.AddYears(-YearsOfHistory).AddDays(-f.Random.Int(1, 60)),
            };
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleId });
            recruiters.Add(new Actor(user.Id, user.DisplayName));
        }
        await db.SaveChangesAsync(ct);
        return ([.. recruiters], recruiters.Count - existing.Count);
    }



    /// <summary>Prepared inserts, bound column by column: EF's change tracker would take minutes for half a million rows.</summary>
    private sealed class RowWriter
    {
        private static readonly (string Column, Func<JobOrder, object?> Value)[] OrderColumns =
        [
            ("ReceivedAt", o => o.ReceivedAt.UtcTicks),
            ("IsSpam", o => o.IsSpam),
            ("IdempotencyKey", o => o.IdempotencyKey),
            ("CompanyName", o => o.CompanyName),
            ("CompanyWebsite", o => o.CompanyWebsite),
            ("CompanyKey", o => o.CompanyKey),
            ("CompanyDomain", o => o.CompanyDomain),
            ("Industry", o => o.Industry),
            ("PositionTitle", o => o.PositionTitle),
            ("Level", o => (int)o.Level),
            ("City", o => o.City),
            ("Country", o => o.Country),
            ("WorkArrangement", o => (int?)o.WorkArrangement),
            ("SalaryMin", o => (double?)o.SalaryMin),
            ("SalaryMax", o => (double?)o.SalaryMax),
            ("Currency", o => o.Currency),
            ("BonusNotes", o => o.BonusNotes),
            ("Openings", o => o.Openings),
            ("DesiredStartDate", o => o.DesiredStartDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("ReportsTo", o => o.ReportsTo),
            ("Description", o => o.Description),
            ("ContactName", o => o.ContactName),
            ("ContactTitle", o => o.ContactTitle),
            ("ContactEmail", o => o.ContactEmail),
            ("ContactPhone", o => o.ContactPhone),
            ("ReferralSource", o => o.ReferralSource),
            ("ConsentToContact", o => o.ConsentToContact),
            ("Status", o => (int)o.Status),
            ("StatusReason", o => o.StatusReason),
            ("StatusChangedAt", o => o.StatusChangedAt.UtcTicks),
            ("FirstResponseAt", o => o.FirstResponseAt?.UtcTicks),
            ("OwnerId", o => o.OwnerId),
            ("Priority", o => (int)o.Priority),
            ("Engagement", o => (int?)o.Engagement),
            ("FeePercent", o => (double?)o.FeePercent),
            ("FlatFee", o => (double?)o.FlatFee),
            ("IsConfidential", o => o.IsConfidential),
            ("Version", o => o.Version),
        ];

        private static readonly (string Column, Func<JobOrderActivity, object?> Value)[] ActivityColumns =
        [
            ("At", a => a.At.UtcTicks),
            ("Kind", a => (int)a.Kind),
            ("ActorId", a => a.ActorId),
            ("ActorName", a => a.ActorName),
            ("Field", a => a.Field),
            ("OldValue", a => a.OldValue),
            ("NewValue", a => a.NewValue),
            ("Text", a => a.Text),
        ];

        private readonly SqliteCommand insertOrder;
        private readonly SqliteCommand insertActivity;

        public RowWriter(SqliteConnection connection)
        {
            insertOrder = SqliteBulk.Insert(connection, "JobOrders", ["Id", "Reference", .. OrderColumns.Select(c => c.Column)]);
            insertActivity = SqliteBulk.Insert(connection, "JobOrderActivities", ["JobOrderId", .. ActivityColumns.Select(c => c.Column)]);
        }

        public void Enlist(SqliteTransaction tx)
        {
            insertOrder.Transaction = tx;
            insertActivity.Transaction = tx;
        }

        /// <summary>Writes the order under the given id, with its reference, and its timeline; returns the timeline's length.</summary>
        public int Write(int id, JobOrder order)
        {
            var parameters = insertOrder.Parameters;
            parameters[0].Value = id;
            parameters[1].Value = JobOrder.FormatReference(order.ReceivedAt.Year, id);
            for (var i = 0; i < OrderColumns.Length; i++)
            {
                parameters[i + 2].Value = OrderColumns[i].Value(order) ?? DBNull.Value;
            }
            insertOrder.ExecuteNonQuery();

            parameters = insertActivity.Parameters;
            foreach (var activity in order.Activities)
            {
                parameters[0].Value = id;
                for (var i = 0; i < ActivityColumns.Length; i++)
                {
                    parameters[i + 1].Value = ActivityColumns[i].Value(activity) ?? DBNull.Value;
                }
                insertActivity.ExecuteNonQuery();
            }
            return order.Activities.Count;
        }
    }

    private sealed record Company(string Name, string Website, string Domain, string Industry, Country Country)
    {
        public static IReadOnlyList<Company> Pool(Faker f, int size)
        {
            var pool = new List<Company>(size);
            for (var i = 0; i < size; i++)
            {
                var name = f.Random.Double() < 0.4 ? $"{f.Company.CompanyName()} {f.PickRandom(LegalForms)}" : f.Company.CompanyName();
                var domain = $"{CompanyIdentity.NormaliseName(name).Replace(" and ", "-").Replace(" ", "")}.{f.PickRandom("com", "com", "com", "io", "co", "net")}";
                var website = f.Random.Bool() ? $"https://www.{domain}" : $"https://{domain}";
                pool.Add(new Company(name, website, domain, f.PickRandom(IndustryCodes), f.Random.WeightedRandom(Countries, CountryWeights)));
            }
            return pool;
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
    private static readonly float[] LevelWeights = [0.06f, 0.22f, 0.32f, 0.3f, 0.1f];
    private static readonly WorkArrangement[] Arrangements = [WorkArrangement.OnSite, WorkArrangement.Hybrid, WorkArrangement.Remote];

    private static readonly string[] IndustryCodes = [.. Industry.Seed.Select(i => i.Code)];

    private static readonly string[] LegalForms = ["Inc.", "LLC", "Ltd", "GmbH", "plc", "Group", "Holdings", "Corp."];

    private static readonly string[] BoardTitles =
        ["Non-Executive Director", "Independent Board Member", "Chair of the Board", "Audit Committee Chair", "Board Advisor"];

    private static readonly string[] ChiefTitles =
    [
        "Chief Executive Officer", "Chief Financial Officer", "Chief Operating Officer", "Chief Technology Officer",
        "Chief Marketing Officer", "Chief People Officer", "Chief Information Officer", "Chief Commercial Officer",
        "Chief Risk Officer", "General Counsel", "Chief Data Officer", "Chief Sustainability Officer",
    ];

    private static readonly string[] Functions =
    [
        "Finance", "Sales", "Marketing", "Engineering", "Operations", "Human Resources", "Supply Chain", "Product", "Strategy",
        "Legal", "Compliance", "Investor Relations", "Business Development", "Procurement", "Research & Development",
        "Data & Analytics", "Customer Success", "Manufacturing", "Quality", "Corporate Development", "Information Security",
        "Treasury", "Tax",
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

    private static readonly string[] RejectReasons =
        ["Outside our practice areas", "Fee terms not accepted", "Below our salary threshold", "Duplicate of an existing order", "Conflict of interest with a client"];

    private static readonly string[] CloseReasons =
        ["Client filled the role internally", "Client withdrew the search", "Budget frozen", "Role restructured", "Company acquired"];

    private static readonly string[] Notes =
    [
        "Intro call held; the client wants a shortlist within four weeks.", "Sent our terms of business.",
        "Client prefers candidates with sector experience.", "Long list of 40 names shared with the client.",
        "Three candidates in final interviews.", "Client asked to pause until after the board meeting.",
        "Reference checks under way for the preferred candidate.", "Compensation range confirmed with the CFO.",
    ];
}

public sealed record GenerationResult(int JobOrders, int Activities, int RecruitersCreated);
