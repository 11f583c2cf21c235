using MudBlazor;
using RmaBackOffice.Components.Shared;

namespace RmaBackOffice.Tests.Components.Shared;

public class NewestLoadTests
{
    private static GridData<string> Rows(params string[] items) => new() { Items = items, TotalItems = items.Length };

    [Fact]
    public async Task An_earlier_load_that_answers_last_gives_the_newer_loads_rows()
    {
        var loads = new NewestLoad<string>();
        var firstPage = new TaskCompletionSource<GridData<string>>();
        var search = new TaskCompletionSource<GridData<string>>();

        var first = loads.RunAsync(() => firstPage.Task);
        var searched = loads.RunAsync(() => search.Task);
        search.SetResult(Rows("ada"));
        Assert.Equal(["ada"], (await searched).Items);

        firstPage.SetResult(Rows("ada", "bob", "cy"));
        Assert.Equal(["ada"], (await first).Items);
    }

    [Fact]
    public async Task Loads_that_answer_in_order_each_give_their_own_rows()
    {
        var loads = new NewestLoad<string>();
        Assert.Equal(["a", "b"], (await loads.RunAsync(() => Task.FromResult(Rows("a", "b")))).Items);
        Assert.Equal(["c"], (await loads.RunAsync(() => Task.FromResult(Rows("c")))).Items);
    }

    [Fact]
    public async Task An_earlier_load_that_answers_before_the_newer_one_shows_until_the_newer_arrives()
    {
        var loads = new NewestLoad<string>();
        var firstPage = new TaskCompletionSource<GridData<string>>();
        var search = new TaskCompletionSource<GridData<string>>();

        var first = loads.RunAsync(() => firstPage.Task);
        var searched = loads.RunAsync(() => search.Task);
        firstPage.SetResult(Rows("ada", "bob"));
        Assert.Equal(["ada", "bob"], (await first).Items);

        search.SetResult(Rows("bob"));
        Assert.Equal(["bob"], (await searched).Items);
    }
}
