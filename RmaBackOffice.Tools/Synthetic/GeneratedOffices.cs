using RmaBackOffice.Features.Offices;

namespace RmaBackOffice.Tools.Synthetic;

/// <summary>
/// Which office handles a generated record, consistent with its country as the app would set it: the country's only
/// office always (the intake applies it), one of several for most (a recruiter chose), none where the firm has no office.
/// Decided from a number the record already has, not from the faker, so the rest of the generated data stays as it was.
/// </summary>
internal static class GeneratedOffices
{
    /// <summary>Out of 100: how many records in a country with several offices have been given one.</summary>
    private const int ChosenWhereSeveral = 70;

    public static OfficeChoice? For(IReadOnlyList<OfficeChoice> offices, string country, long key)
    {
        var inCountry = HandlingOffices.InCountry(offices, country);
        var draw = (int)((ulong)(key * 2654435761L) % 1000);
        return inCountry.Count switch
        {
            0 => null,
            1 => inCountry[0],
            _ when draw % 100 < ChosenWhereSeveral => inCountry[draw / 100 % inCountry.Count],
            _ => null,
        };
    }
}
