using System.ComponentModel.DataAnnotations;

namespace RmaBackOffice.Common;

/// <summary>
/// Server-side validation of a form model: DataAnnotations, IValidatableObject and, for [CleanText] models, hidden characters;
/// errors keyed by property name.
/// </summary>
public static class FormValidation
{
    public static Dictionary<string, string[]> Validate(object model)
    {
        var results = new List<ValidationResult>();
        var context = new ValidationContext(model);
        if (!Validator.TryValidateObject(model, context, results, validateAllProperties: true) && model is IValidatableObject validatable)
        {
            // The validator skips cross-field rules once a field fails; run them anyway so every problem shows at once.
            results.AddRange(validatable.Validate(context));
        }
        // Hidden and control characters are named first: the field's other messages may only be their consequence.
        var hidden = Web.CleanText.Problems(model).Select(p => (Member: p.Key, Message: p.Value));
        return hidden
            .Concat(results.SelectMany(r => (r.MemberNames.Any() ? r.MemberNames : [""]).Select(m => (Member: m, Message: r.ErrorMessage ?? "Invalid value."))))
            .GroupBy(e => e.Member)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).Distinct().ToArray());
    }
}
