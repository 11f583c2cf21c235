namespace RmaBackOffice.Tools.Synthetic;

/// <summary>What both generators draw from: the countries a firm's clients and candidates are in, and the business functions.</summary>
internal static class World
{
    public sealed record Country(string Name, string Currency, decimal PerDollar, string CallingCode, string[] Cities);

    public static readonly Country[] Countries =
    [
        new("United States", "USD", 1m, "1", ["New York", "Boston", "Chicago", "San Francisco", "Dallas", "Atlanta", "Seattle", "Los Angeles", "Miami", "Denver"]),
        new("United Kingdom", "GBP", 0.8m, "44", ["London", "Manchester", "Edinburgh", "Birmingham", "Bristol"]),
        new("Germany", "EUR", 0.9m, "49", ["Frankfurt", "Munich", "Berlin", "Hamburg", "Düsseldorf"]),
        new("France", "EUR", 0.9m, "33", ["Paris", "Lyon", "Toulouse"]),
        new("Netherlands", "EUR", 0.9m, "31", ["Amsterdam", "Rotterdam", "Eindhoven"]),
        new("Switzerland", "CHF", 0.9m, "41", ["Zürich", "Geneva", "Basel"]),
        new("Canada", "CAD", 1.35m, "1", ["Toronto", "Vancouver", "Montréal", "Calgary"]),
        new("Australia", "AUD", 1.5m, "61", ["Sydney", "Melbourne", "Brisbane"]),
        new("Singapore", "SGD", 1.35m, "65", ["Singapore"]),
        new("Japan", "JPY", 150m, "81", ["Tokyo", "Osaka"]),
        new("United Arab Emirates", "AED", 3.67m, "971", ["Dubai", "Abu Dhabi"]),
        new("Brazil", "BRL", 5m, "55", ["São Paulo", "Rio de Janeiro"]),
        new("India", "INR", 83m, "91", ["Mumbai", "Bengaluru", "New Delhi"]),
        new("Mexico", "MXN", 17m, "52", ["Mexico City", "Monterrey"]),
        new("Sweden", "SEK", 10.5m, "46", ["Stockholm", "Gothenburg"]),
    ];

    public static readonly float[] CountryWeights = [0.42f, 0.14f, 0.09f, 0.05f, 0.04f, 0.03f, 0.06f, 0.04f, 0.03f, 0.02f, 0.02f, 0.02f, 0.02f, 0.01f, 0.01f];

    public static readonly string[] Functions =
    [
        "Finance", "Sales", "Marketing", "Engineering", "Operations", "Human Resources", "Supply Chain", "Product", "Strategy",
        "Legal", "Compliance", "Investor Relations", "Business Development", "Procurement", "Research & Development",
        "Data & Analytics", "Customer Success", "Manufacturing", "Quality", "Corporate Development", "Information Security",
        "Treasury", "Tax",
    ];

    /// <summary>A name reduced to lower-case ASCII letters, for made-up email addresses and file names.</summary>
    public static string Ascii(string name) => new string(name.Where(char.IsAsciiLetter).ToArray()).ToLowerInvariant();
}
