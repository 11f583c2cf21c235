using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace RmaBackOffice.Data;

/// <summary>Stores a point in time as UTC ticks: sortable and indexable in SQLite, and portable to PostgreSQL as bigint.</summary>
public sealed class DateTimeOffsetToUtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
