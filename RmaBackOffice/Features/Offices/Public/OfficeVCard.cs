using System.Globalization;
using System.Text;

namespace RmaBackOffice.Features.Offices.Public;

/// <summary>An office as a vCard 4.0 (RFC 6350) contact: CRLF lines, text values escaped, long lines folded.</summary>
public static class OfficeVCard
{
    public static string For(Office office, string pageUrl)
    {
        var lines = new List<string>
        {
            "BEGIN:VCARD",
            "VERSION:4.0",
            "KIND:org",
            $"FN:{Text($"{OfficeJsonLd.FirmName} {office.City}")}",
            $"ORG:{Text(OfficeJsonLd.FirmName)};{Text(office.City)}",
            $"ADR;TYPE=work;LABEL=\"{Quoted(AddressLabel(office))}\":;;{Text(office.StreetAddress)};{Text(office.AddressLocality ?? office.City)};;{Text(office.PostalCode)};{Text(office.CountryName)}",
            $"GEO:geo:{Number(office.Latitude)},{Number(office.Longitude)}",
            $"TZ:{Text(office.TimeZoneId)}",
        };
        lines.AddRange(office.Phones.All.Select(p => $"TEL;VALUE=uri;TYPE=\"work,voice\";X-LABEL={Text(p.Label)}:tel:{p.Number}"));
        if (office.Email is { } email)
        {
            lines.Add($"EMAIL;TYPE=work:{Text(email)}");
        }
        lines.Add($"URL:{pageUrl}");
        lines.Add("END:VCARD");
        return string.Concat(lines.Select(l => Fold(l) + "\r\n"));
    }

    public static string FileName(Office office) => $"rma-{office.Slug}.vcf";

    private static string AddressLabel(Office office) => string.Join("\n",
        new[] { office.StreetAddress, $"{office.PostalCode} {office.AddressLocality ?? office.City}".Trim(), office.CountryName }
            .Where(p => !string.IsNullOrWhiteSpace(p)));

    private static string Number(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    /// <summary>RFC 6350 §3.4: backslash, comma, semicolon and newline are escaped in text values.</summary>
    private static string Text(string? value) => (value ?? "")
        .Replace("\\", "\\\\", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal).Replace("\r\n", "\\n", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string Quoted(string value) => value.Replace("\"", "'", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>Lines longer than 75 octets continue on the next line after a space, never splitting a character.</summary>
    private static string Fold(string line)
    {
        var result = new StringBuilder();
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > 75)
            {
                result.Append("\r\n ");
                octets = 1;
            }
            result.Append(rune.ToString());
            octets += size;
        }
        return result.ToString();
    }
}
