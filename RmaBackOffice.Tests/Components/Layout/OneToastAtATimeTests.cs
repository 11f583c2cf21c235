using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Components.Layout;

public class OneToastAtATimeTests
{
    [Fact]
    public async Task A_newer_toast_replaces_the_one_on_screen_instead_of_stacking()
    {
        await using var ctx = new MudBunitContext();
        var provider = ctx.Render<MudSnackbarProvider>();
        var snackbar = ctx.Services.GetRequiredService<ISnackbar>();

        await provider.InvokeAsync(() =>
        {
            snackbar.Add("Owner assigned.", Severity.Success);
            snackbar.Add("Moved to Qualifying.", Severity.Success);
            snackbar.Add("Note added.", Severity.Success);
        });

        provider.WaitForAssertion(() => Assert.Single(provider.FindAll(".mud-snackbar")));
        Assert.Contains("Note added.", provider.Find(".mud-snackbar").TextContent);
        Assert.Equal(["Note added."], snackbar.ShownSnackbars.Select(s => s.Message));
    }

    [Fact]
    public async Task Toasts_sit_at_the_bottom_left_away_from_the_work_on_the_right()
    {
        await using var ctx = new MudBunitContext();
        var provider = ctx.Render<MudSnackbarProvider>();

        await provider.InvokeAsync(() => ctx.Services.GetRequiredService<ISnackbar>().Add("Changes saved."));

        provider.WaitForAssertion(() => Assert.Contains(Defaults.Classes.Position.BottomLeft, provider.Find("#mud-snackbar-container").ClassName));
    }
}
