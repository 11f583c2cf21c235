using Microsoft.EntityFrameworkCore;

namespace RmaBackOffice.Data;

/// <summary>What a failed save means, in the database's own error codes.</summary>
public interface IDatabaseErrors
{
    /// <summary>True when the save broke a uniqueness (or other integrity) constraint, such as a repeated idempotency key.</summary>
    bool IsUniqueViolation(DbUpdateException exception);
}
