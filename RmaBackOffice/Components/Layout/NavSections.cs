using MudBlazor;
using RmaBackOffice.Data;

namespace RmaBackOffice.Components.Layout;

public sealed record NavItem(string Title, string Href, string Icon);

public sealed record NavSection(string? Title, string Policy, IReadOnlyList<NavItem> Items);

/// <summary>The navigation, by area. A section shows only to users whose roles satisfy its policy; the pages enforce the same policy.</summary>
public static class NavSections
{
    public static readonly IReadOnlyList<NavSection> All =
    [
        new(null, Policies.Staff, [new("Start", "/", Icons.Material.Outlined.Dashboard), new("Office directory", "/offices", Icons.Material.Outlined.Public)]),
        new("Recruiting", Policies.Triage, [new("Job orders", "/job-orders", Icons.Material.Outlined.WorkOutline), new("Candidates", "/candidates", Icons.Material.Outlined.PersonSearch)]),
        new("Editorial", Policies.Editorial, [new("Articles", "/articles", Icons.Material.Outlined.Article), new("Calendar", "/articles/calendar", Icons.Material.Outlined.CalendarMonth)]),
        new("Administration", Policies.Admin, [new("Offices", "/admin/offices", Icons.Material.Outlined.Business), new("Staff accounts", "/admin/users", Icons.Material.Outlined.People), new("Audit trail", "/admin/audit", Icons.Material.Outlined.History)]),
    ];
}
