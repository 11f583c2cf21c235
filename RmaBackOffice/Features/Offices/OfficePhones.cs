extern alias LibPhoneNumber;

using LibPhoneNumber::PhoneNumbers;

namespace RmaBackOffice.Features.Offices;

/// <summary>A phone number in E.164 (+442079460000) with what it is for ("Main", "Fax").</summary>
public sealed record OfficePhone(string Label, string Number)
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>As people read it: +44 20 7946 0000.</summary>
    public string Display => Util.Format(Util.Parse(Number, null), PhoneNumberFormat.INTERNATIONAL);

    /// <summary>The tel: link's value.</summary>
    public string Uri => Util.Format(Util.Parse(Number, null), PhoneNumberFormat.RFC3966);

    public override string ToString() => $"{Label} {Number}";

    /// <summary>
    /// Reads a number as typed, with the office's country for numbers without +: valid numbers only, answered in E.164.
    /// </summary>
    public static string? TryNormalize(string typed, string? countryCode, out string? problem)
    {
        problem = null;
        try
        {
            var number = Util.Parse(typed, string.IsNullOrEmpty(countryCode) ? null : countryCode.ToUpperInvariant());
            if (Util.IsValidNumber(number))
            {
                return Util.Format(number, PhoneNumberFormat.E164);
            }
            problem = $"\"{typed}\" is not a valid phone number{(string.IsNullOrEmpty(countryCode) ? "" : $" for {Countries.NameOf(countryCode)}")}; write it with its country code, e.g. +44 20 7946 0000.";
        }
        catch (NumberParseException)
        {
            problem = $"\"{typed}\" is not a phone number; write it with its country code, e.g. +44 20 7946 0000.";
        }
        return null;
    }
}

/// <summary>An office's phones, in the order the admin gave them. Immutable and equal by content.</summary>
public sealed class OfficePhones : IEquatable<OfficePhones>
{
    public static readonly OfficePhones None = new([]);

    public OfficePhones(IEnumerable<OfficePhone> phones) => All = phones.ToList();

    public IReadOnlyList<OfficePhone> All { get; }

    public string ToStorage() => string.Join("\n", All.Select(p => $"{p.Number} {p.Label}"));

    public static OfficePhones FromStorage(string? stored) => new((stored ?? "")
        .Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .Select(line => line.Split(' ', 2))
        .Select(parts => new OfficePhone(parts.Length > 1 ? parts[1] : "", parts[0])));

    public override string ToString() => All.Count == 0 ? "None" : string.Join("; ", All.Select(p => p.ToString()));

    public bool Equals(OfficePhones? other) => other is not null && ToStorage() == other.ToStorage();

    public override bool Equals(object? obj) => Equals(obj as OfficePhones);

    public override int GetHashCode() => ToStorage().GetHashCode(StringComparison.Ordinal);
}
