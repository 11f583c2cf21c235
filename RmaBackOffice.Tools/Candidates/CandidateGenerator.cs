using System.Text;
using System.Threading.Channels;
using Bogus;
using RmaBackOffice.Data;
using HandlingOffices = RmaBackOffice.Features.Offices.HandlingOffices;
using OfficeChoice = RmaBackOffice.Features.Offices.OfficeChoice;
using RmaBackOffice.Tools.Sqlite;

namespace RmaBackOffice.Tools.Candidates;

/// <summary>
/// Fills a database with synthetic candidates as an executive-search firm would hold them: ten years of registrations,
/// mostly processed, one to three industries each, a resume's worth of text in most, a little spam. The resume vocabulary
/// is built so that searches can be measured: <see cref="CommonTerm"/> is in about a third of the resumes, each of
/// <see cref="RareTerms"/> in about one in a hundred.
/// </summary>
public static partial class CandidateGenerator
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

        // Disposed whatever happens: rows already committed must be searchable, and the app needs its trigger back.
        await using var loader = await CandidateBulkLoader.OpenAsync(db, ct);
        var offices = await HandlingOffices.ChoicesAsync(db, ct);
        var result = await WriteRowsAsync(loader, faker, count, now, offices, progress, ct);
        progress?.Invoke($"rows written; indexing the text of {count:N0} candidates");
        return result;
    }

    private static async Task<CandidateGenerationResult> WriteRowsAsync(
        CandidateBulkLoader loader, Faker faker, int count, DateTimeOffset now, IReadOnlyList<OfficeChoice> offices, Action<string>? progress, CancellationToken ct)
    {
        var firstId = loader.FirstId;
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
                        batch[i] = Make(faker, firstId + start + i, now, text, offices);
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
        var industries = 0;
        var spam = 0;
        await foreach (var batch in batches.Reader.ReadAllAsync(ct))
        {
            industries += await loader.WriteAsync(batch, ct);
            spam += batch.Count(c => c.IsSpam);
            written += batch.Length;
            if (written % 100_000 == 0 || written == count)
            {
                progress?.Invoke($"{written,9:N0} / {count:N0}");
            }
        }
        await making;
        return new CandidateGenerationResult(written, industries, spam);
    }
}

public sealed record CandidateGenerationResult(int Candidates, int Industries, int Spam);
