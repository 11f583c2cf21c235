namespace RmaBackOffice.Common;

/// <summary>One choice in a picker: the value stored and the label shown.</summary>
public sealed record Option(string Value, string Label);
