namespace RmaBackOffice.Common;

/// <summary>
/// Turns what a person types into a safe SQLite FTS5 query, the way recruiters write Boolean searches: every word must
/// match as a whole word, and a word ending in * matches as a prefix ("engineer*" finds engineering and engineers).
/// Whole words are the default because a prefix merges the index entries of every word it begins: on a million candidates
/// that made a common word three times slower, and a one-letter prefix would read most of the index (BENCHMARKS.md).
/// </summary>
public static class FullTextSearch
{
    public const int MaxWords = 8;

    /// <summary>A word being typed must have this many characters before it matches as a prefix (see <c>asTyped</c>).</summary>
    public const int MinTypedPrefix = 3;

    /// <param name="text">What the person typed.</param>
    /// <param name="asTyped">
    /// For pickers that search while someone types a name: the last word is probably unfinished, so it matches as a prefix
    /// once it has <see cref="MinTypedPrefix"/> characters (a shorter prefix would merge thousands of words).
    /// </param>
    public static string? ToMatchExpression(string? text, bool asTyped = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => (Text: Clean(w), Prefix: w.EndsWith('*')))
            .Where(w => w.Text.Length > 0)
            .Take(MaxWords)
            .ToList();
        if (asTyped && words.Count > 0 && words[^1].Text.Length >= MinTypedPrefix)
        {
            words[^1] = words[^1] with { Prefix = true };
        }
        return words.Count == 0 ? null : string.Join(' ', words.Select(w => $"\"{w.Text}\"{(w.Prefix ? "*" : "")}"));
    }

    /// <summary>
    /// The same search with its last word as a prefix ("transf" → "transf*"), to offer when a whole-word search found
    /// nothing; null when there is nothing to widen.
    /// </summary>
    public static string? PrefixSuggestion(string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.EndsWith('*') || ToMatchExpression(trimmed) is null)
        {
            return null;
        }
        var lastWord = trimmed.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[^1];
        return Clean(lastWord).Length < MinTypedPrefix ? null : trimmed + "*";
    }

    // Letters and digits, and the punctuation inside emails, domains and names; the tokenizer splits on the rest.
    // A quote never survives, so the quoted phrase cannot be broken out of.
    private static string Clean(string word) =>
        new(word.Where(c => char.IsLetterOrDigit(c) || c is '@' or '.' or '-' or '\'').ToArray());
}
