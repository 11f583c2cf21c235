namespace RmaBackOffice.Data;

/// <summary>
/// The start page's charts and facts, each one aggregate statement counted in the database, never rows read into memory.
/// Weeks are numbered from <c>start</c> (week 0 is the seven days from it). <c>offices</c> narrows a statement to the job
/// orders (or candidates) those offices handle; null counts everyone's, those no office handles included.
/// </summary>
public interface IDashboardStatistics
{
    /// <summary>Job orders (spam left out) received in each week, by their status now: a cohort by week of arrival.</summary>
    Task<IReadOnlyList<WeekCount>> JobOrdersByWeekAsync(
        AppDbContext db, DateTimeOffset start, int weeks, IReadOnlyList<int>? offices, CancellationToken ct);

    /// <summary>
    /// Registrations received in each week (every submission, page or API, new candidate or pending); with offices, those of
    /// candidates the offices handle.
    /// </summary>
    Task<IReadOnlyList<WeekCount>> RegistrationsByWeekAsync(
        AppDbContext db, DateTimeOffset start, int weeks, IReadOnlyList<int>? offices, CancellationToken ct);

    /// <summary>Of the job orders received in each week and answered since, the median time to the first response.</summary>
    Task<IReadOnlyList<WeekMedian>> MedianFirstResponseByWeekAsync(
        AppDbContext db, DateTimeOffset start, int weeks, IReadOnlyList<int>? offices, CancellationToken ct);

    /// <summary>
    /// Greenhouse's conversion: of the candidates who entered each stage in [from, to), how many later moved on from it to a
    /// later stage (any time since). <paramref name="stages"/> are the stages' timeline labels in the pipeline's order. With
    /// offices, only the searches of job orders those offices handle.
    /// </summary>
    Task<IReadOnlyList<StageConversion>> PipelineConversionAsync(
        AppDbContext db, DateTimeOffset from, DateTimeOffset to, IReadOnlyList<string> stages, int pipelineKind, IReadOnlyList<int>? offices,
        CancellationToken ct);

    /// <summary>
    /// Placements in [from, to) (moves to <paramref name="placed"/> on candidates' timelines), by the handling office of the
    /// job order each was for (null: no office handles it).
    /// </summary>
    Task<IReadOnlyList<OfficeCount>> PlacementsByOfficeAsync(
        AppDbContext db, DateTimeOffset from, DateTimeOffset to, string placed, int pipelineKind, IReadOnlyList<int>? offices, CancellationToken ct);

    /// <summary>The database's size on disk, its write-ahead log included.</summary>
    Task<long> DatabaseBytesAsync(AppDbContext db, CancellationToken ct);
}

/// <summary>A count in one week, split by a small number (a status) where the statement splits it.</summary>
public sealed record WeekCount(int Week, int Key, int Count);

public sealed record WeekMedian(int Week, TimeSpan Median, int Answered);

public sealed record StageConversion(string Stage, int Entered, int MovedOn);

/// <summary>A count for one office; a null office is the work no office handles.</summary>
public sealed record OfficeCount(int? OfficeId, int Count);
