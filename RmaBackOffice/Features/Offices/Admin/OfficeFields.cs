namespace RmaBackOffice.Features.Offices.Admin;

/// <summary>The office form's fields for conflicts: labels in the order the form shows them.</summary>
public static class OfficeFields
{
    public static readonly FormChanges<OfficeForm> Changes = new(typeof(OfficeForm).GetProperties()
        .Where(p => p.CanWrite)
        .ToDictionary(p => p.Name, p => p.GetCustomAttributes(typeof(System.ComponentModel.DataAnnotations.DisplayAttribute), false)
            .OfType<System.ComponentModel.DataAnnotations.DisplayAttribute>().FirstOrDefault()?.GetName() ?? p.Name));
}
