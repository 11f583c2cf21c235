namespace RmaBackOffice.Data;

/// <summary>
/// The start page's charts and facts, each one aggregate statement counted in the database, never rows read into memory.
/// Weeks are numbered from <c>start</c> (week 0 is the seven days from it).
/// </summary>
public interface IDashboardStatistics
{
    /// <summary>Job orders (spam left out) received in each week, by their status now: a cohort by week of arrival.</summary>
    Task<IReadOnlyList<WeekCount>> JobOrdersByWeekAsync(AppDbContext db, DateTimeOffset start, int weeks, CancellationToken ct);

    /// <summary>Registrations received in each week (every submission, page or API, new candidate or pending).</summary>
    Task<IReadOnlyList<WeekCount>> RegistrationsByWeekAsync(AppDbContext db, DateTimeOffset start, int weeks, CancellationToken ct);

    /// <summary>Of the job orders received in each week and answered since, the median time to the first response.</summary>
    Task<IReadOnlyList<WeekMedian>> MedianFirstResponseByWeekAsync(AppDbContext db, DateTimeOffset start, int weeks, CancellationToken ct);

    /// <summary>
    /// Greenhouse's conversion: of the candidates who entered each stage in [from, to), how many later moved on from it to a
    /// later stage (any time since). <paramref name="stages"/> are the stages' timeline labels in the pipeline's order.
    /// </summary>
    Task<IReadOnlyList<StageConversion>> PipelineConversionAsync(
        AppDbContext db, DateTimeOffset from, DateTimeOffset to, IReadOnlyList<string> stages, int pipelineKind, CancellationToken ct);

    /// <summary>The database's size on disk, its write-ahead log included.</summary>
    Task<long> DatabaseBytesAsync(AppDbContext db, CancellationToken ct);
}

/// <summary>A count in one week, split by a small number (a status) where the statement splits it.</summary>
public sealed record WeekCount(int Week, int Key, int Count);

public sealed record WeekMedian(int Week, TimeSpan Median, int Answered);

public sealed record StageConversion(string Stage, int Entered, int MovedOn);
