namespace RmaBackOffice.Components.Shared;

/// <summary>Field errors returned by a service, shown beside the fields they name.</summary>
public sealed class ServerErrors
{
    private IReadOnlyDictionary<string, string[]> errors = new Dictionary<string, string[]>();

    public void Set(IReadOnlyDictionary<string, string[]>? fieldErrors)
    {
        errors = fieldErrors ?? new Dictionary<string, string[]>();
        Revision++;
    }

    /// <summary>Changes with every refusal, so a summary knows to take focus again.</summary>
    public int Revision { get; private set; }

    public bool Any => errors.Count > 0;

    /// <summary>Every message, the form's own first.</summary>
    public IEnumerable<string> All => errors.OrderBy(e => e.Key.Length == 0 ? 0 : 1).SelectMany(e => e.Value);

    public void Clear() => errors = new Dictionary<string, string[]>();

    public bool Has(string field) => errors.ContainsKey(field);

    public string? For(string field) => errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    /// <summary>Errors that name no field, shown above the form.</summary>
    public string? General => For("");
}
