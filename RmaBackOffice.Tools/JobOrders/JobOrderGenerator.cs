using System.Threading.Channels;
using Bogus;
using RmaBackOffice.Data;
using RmaBackOffice.Features.JobOrders;
using HandlingOffices = RmaBackOffice.Features.Offices.HandlingOffices;
using OfficeChoice = RmaBackOffice.Features.Offices.OfficeChoice;
using RmaBackOffice.Tools.Sqlite;
using RmaBackOffice.Tools.Synthetic;
using static RmaBackOffice.Tools.Synthetic.World;

namespace RmaBackOffice.Tools.JobOrders;

/// <summary>
/// Fills a database with synthetic job orders spread as a real firm's would be: repeat clients, ten years of intake,
/// old searches mostly finished and recent ones still open, recruiters owning them, a timeline for each, a little spam.
/// Each order goes through the domain's own methods, so every status and timeline entry is one the app could have made.
/// </summary>
public static partial class JobOrderGenerator
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

        await using var loader = await JobOrderBulkLoader.OpenAsync(db, ct);
        var companies = Company.Pool(faker, Math.Max(40, count / 12));
        var offices = await HandlingOffices.ChoicesAsync(db, ct);

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
                        batch[i] = MakeOrder(faker, companies, recruiters, offices, now);
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

        var written = 0;
        var activities = 0;
        await foreach (var batch in batches.Reader.ReadAllAsync(ct))
        {
            activities += await loader.WriteAsync(batch, ct);
            written += batch.Length;
            progress?.Invoke(written);
        }
        await making;
        return new GenerationResult(count, activities, created);
    }

    private static JobOrder MakeOrder(Faker f, IReadOnlyList<Company> companies, Actor[] recruiters, IReadOnlyList<OfficeChoice> offices, DateTimeOffset now)
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
        if (GeneratedOffices.For(offices, order.Country, receivedAt.UtcTicks) is { } office)
        {
            order.AssignHandlingOffice(office.Id, office.City, null, Actor.Public, receivedAt);
        }
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
}

public sealed record GenerationResult(int JobOrders, int Activities, int RecruitersCreated);
