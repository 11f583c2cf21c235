namespace RmaBackOffice.Features.JobOrders;

/// <summary>Turns what a person types into a safe SQLite FTS5 query: every word must match, as a prefix.</summary>
public static class FullTextSearch
{
    public static string? ToMatchExpression(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(c => char.IsLetterOrDigit(c) || c is '@' or '.' or '-' or '\'').ToArray()))
            .Where(w => w.Length > 0)
            .Take(8)
            .Select(w => $"\"{w.Replace("\"", "\"\"")}\"*")
            .ToList();
        return words.Count == 0 ? null : string.Join(' ', words);
    }
}
