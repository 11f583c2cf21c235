using Microsoft.EntityFrameworkCore;
using RmaBackOffice.Data;

namespace RmaBackOffice.Features.Users;

/// <summary>Staff display names tell people apart: unique among active staff, and labelled with the email where they still collide.</summary>
public static class StaffNames
{
    public static async Task<bool> IsTakenAsync(AppDbContext db, string displayName, string? exceptUserId, CancellationToken ct)
    {
        var wanted = displayName.Trim().ToUpperInvariant();
        // Runs in SQL as upper(trim(...)); the culture-aware and StringComparison overloads do not translate.
#pragma warning disable CA1304, CA1311, CA1862
        return await db.Users.AnyAsync(u => u.IsActive && u.Id != exceptUserId && u.DisplayName.Trim().ToUpper() == wanted, ct);
#pragma warning restore CA1304, CA1311, CA1862
    }

    public static string TakenMessage(string displayName) =>
        $"Another active staff member is called {displayName.Trim()}. Add a middle initial or a team to tell them apart.";

    /// <summary>Picker labels: the name alone, or "name (email)" for every name that more than one person holds.</summary>
    public static IReadOnlyList<(string Id, string Label)> Disambiguate(IEnumerable<(string Id, string DisplayName, string? Email)> people)
    {
        var list = people.ToList();
        var shared = list.GroupBy(p => p.DisplayName.Trim(), StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return list.Select(p => (p.Id, shared.Contains(p.DisplayName.Trim()) ? Label(p.DisplayName, p.Email) : p.DisplayName)).ToList();
    }

    public static string Label(string displayName, string? email) =>
        string.IsNullOrEmpty(email) ? displayName : $"{displayName} ({email})";
}
