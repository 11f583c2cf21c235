using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;

namespace RmaBackOffice.Common;

/// <summary>One field of a form that differs between two versions of a record, as a person reads it.</summary>
public sealed record FieldChange(string Field, string Label, object? Theirs, object? Mine, bool ChangedByMeToo);

/// <summary>
/// Compares two instances of a form model field by field, with human labels: a label map first, then
/// [Display(Name = ...)], then the property's name. Text compares trimmed with empty as null (the services store it
/// so); lists compare as sets, because a multi-select or a tag list reordered is not a change.
/// </summary>
public sealed class FormChanges<TForm> where TForm : class, new()
{
    private static readonly PropertyInfo[] Fields = typeof(TForm)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p is { CanRead: true, CanWrite: true } && p.GetIndexParameters().Length == 0 && p.SetMethod!.IsPublic)
        .ToArray();

    private readonly IReadOnlyDictionary<string, string> labels;

    private readonly PropertyInfo[] ordered;

    /// <param name="labels">Labels by property name, in the order the form shows the fields.</param>
    public FormChanges(IReadOnlyDictionary<string, string>? labels = null)
    {
        this.labels = labels ?? new Dictionary<string, string>();
        var position = this.labels.Keys.Select((name, index) => (name, index)).ToDictionary(p => p.name, p => p.index);
        ordered = Fields.OrderBy(p => position.GetValueOrDefault(p.Name, int.MaxValue)).ToArray();
    }

    /// <summary>The names of the fields whose values differ, in the label map's order, then in declaration order.</summary>
    public IReadOnlyList<string> Changed(TForm before, TForm after) =>
        ordered.Where(p => !Same(p.GetValue(before), p.GetValue(after))).Select(p => p.Name).ToList();

    public string Label(string field) =>
        labels.TryGetValue(field, out var label) ? label
        : Fields.FirstOrDefault(p => p.Name == field)?.GetCustomAttribute<DisplayAttribute>()?.GetName() ?? field;

    public object? Value(TForm form, string field) => Property(field).GetValue(form);

    /// <summary>A copy that shares nothing mutable with the original (lists are copied).</summary>
    public TForm Copy(TForm form) => Overlay(new TForm(), form, Fields.Select(p => p.Name));

    /// <summary>Writes the named fields of <paramref name="from"/> onto <paramref name="onto"/>, and returns it.</summary>
    public TForm Overlay(TForm onto, TForm from, IEnumerable<string> fields)
    {
        foreach (var property in fields.Select(Property))
        {
            property.SetValue(onto, Detached(property.GetValue(from)));
        }
        return onto;
    }

    private static PropertyInfo Property(string field) =>
        Fields.FirstOrDefault(p => p.Name == field) ?? throw new ArgumentException($"{typeof(TForm).Name} has no field {field}.", nameof(field));

    private static bool Same(object? a, object? b) => (Normal(a), Normal(b)) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        (IEnumerable x, IEnumerable y) when x is not string && y is not string =>
            FormChanges.Items(x).ToHashSet(StringComparer.Ordinal).SetEquals(FormChanges.Items(y)),
        var (x, y) => x.Equals(y),
    };

    private static object? Normal(object? value) => value is string text
        ? string.IsNullOrWhiteSpace(text) ? null : text.Trim()
        : value;

    private static object? Detached(object? value) => value switch
    {
        null or string => value,
        IEnumerable items when value.GetType() is { IsGenericType: true } type
            && type.GetConstructor([typeof(IEnumerable<>).MakeGenericType(type.GetGenericArguments()[0])]) is { } copy =>
            copy.Invoke([items]),
        _ => value,
    };
}

/// <summary>How form values read to a person.</summary>
public static class FormChanges
{
    /// <summary>How a value reads in a list of changes.</summary>
    public static string Show(object? value) => value switch
    {
        null => "(empty)",
        string text when string.IsNullOrWhiteSpace(text) => "(empty)",
        string text => text.Trim(),
        bool flag => flag ? "Yes" : "No",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IEnumerable items => Items(items) is { Count: > 0 } list ? string.Join(", ", list) : "(empty)",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "(empty)",
    };

    internal static List<string> Items(IEnumerable items) =>
        items.Cast<object?>().Select(i => Convert.ToString(i, CultureInfo.InvariantCulture)?.Trim()).OfType<string>().Where(i => i.Length > 0).ToList();
}
