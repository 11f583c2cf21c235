namespace RmaBackOffice.Common;

/// <summary>How senior a role is; job orders ask for one, candidates are at one.</summary>
public enum PositionLevel
{
    Board,
    CSuite,
    SvpVp,
    Director,
    Other,
}

public static class PositionLevelLabels
{
    /// <summary>Every level as a choice, in order.</summary>
    public static readonly IReadOnlyList<Option> Options =
        Enum.GetValues<PositionLevel>().Select(l => new Option(l.ToString(), l.Label())).ToList();

    public static string Label(this PositionLevel level) => level switch
    {
        PositionLevel.CSuite => "C-suite",
        PositionLevel.SvpVp => "SVP / VP",
        _ => level.ToString(),
    };
}
