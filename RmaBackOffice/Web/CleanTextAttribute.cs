namespace RmaBackOffice.Web;

/// <summary>Marks a form model whose every text field is checked by <see cref="CleanText"/> in <see cref="FormValidation"/>.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class CleanTextAttribute : Attribute;
