namespace RmaBackOffice.Features.Candidates;

internal static class SuggestionText
{
    private static readonly HashSet<string> StopWords =
        ["the", "and", "for", "with", "our", "you", "will", "are", "who", "of", "to", "in", "a", "an", "on", "at", "as", "be", "is", "or", "by", "from", "this", "that", "we", "their", "your", "head", "chief", "officer", "senior", "vice", "president"];

    /// <summary>The distinctive words of a job order: the title's, then the description's most frequent.</summary>
    public static IReadOnlyList<string> KeyWords(string title, string? description)
    {
        static IEnumerable<string> Words(string? text) => (text ?? "").ToLowerInvariant()
            .Split([' ', ',', '.', ';', ':', '/', '(', ')', '-', '\n', '\r', '\t', '"', '\''], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length > 2 && !StopWords.Contains(w) && w.All(char.IsLetterOrDigit));
        var titleWords = Words(title).Distinct().ToList();
        var descriptionWords = Words(description).GroupBy(w => w).OrderByDescending(g => g.Count()).Select(g => g.Key)
            .Where(w => !titleWords.Contains(w)).Take(5);
        return titleWords.Concat(descriptionWords).Take(10).ToList();
    }
}
