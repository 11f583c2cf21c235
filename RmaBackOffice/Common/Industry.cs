namespace RmaBackOffice.Common;

/// <summary>An executive-search industry practice; the managed list job orders choose from.</summary>
public sealed class Industry
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public int SortOrder { get; set; }
    public bool IsActive { get; set; } = true;

    public static readonly IReadOnlyList<Industry> Seed = new[]
    {
        "Aerospace & Defense", "Agriculture & Food", "Automotive", "Banking", "Biotechnology & Life Sciences", "Chemicals",
        "Construction & Engineering", "Consumer Products & Retail", "Education", "Energy, Oil & Gas", "Financial Services & Private Equity",
        "Government & Public Sector", "Healthcare & Hospitals", "Hospitality & Leisure", "Industrial Manufacturing", "Insurance",
        "Legal & Professional Services", "Logistics & Transportation", "Media & Entertainment", "Medical Devices", "Mining & Metals",
        "Non-profit & Philanthropy", "Pharmaceuticals", "Real Estate", "Renewable Energy & Cleantech", "Semiconductors & Electronics",
        "Software & Internet", "Technology Services", "Telecommunications", "Utilities",
    }.Select((name, i) => new Industry { Code = Slug(name), Name = name, SortOrder = i + 1 }).ToList();

    public static string Slug(string name) =>
        string.Join('-', name.ToLowerInvariant().Replace("&", " ").Split([' ', ',', '/'], StringSplitOptions.RemoveEmptyEntries));
}
