namespace RmaBackOffice.Web;

/// <summary>A text field that may span several lines: line feed, carriage return and tab are allowed in it.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class MultiLineAttribute : Attribute;
