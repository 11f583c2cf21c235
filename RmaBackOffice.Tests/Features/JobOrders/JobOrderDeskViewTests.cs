using RmaBackOffice.Features.JobOrders;

namespace RmaBackOffice.Tests.Features.JobOrders;

/// <summary>The desk's view as its address spells it: whitelisted, clamped, and written back without its defaults.</summary>
public class JobOrderDeskViewTests
{
    private static JobOrderDeskView Read(string? sort = null, string? dir = null, int? page = null, int? size = null, string? q = null) =>
        JobOrderDeskView.FromAddress(q, null, null, null, null, null, false, null, null, null, false, sort, dir, page, size);

    [Fact]
    public void The_plain_desk_is_newest_first_on_the_first_page_and_keeps_a_plain_address()
    {
        var view = Read();

        Assert.Equal((JobOrderSort.Received, true, 1, 50), (view.Sort, view.Descending, view.Page, view.PageSize));
        Assert.All(view.ToQueryParameters(), p => Assert.Null(p.Value));
        Assert.True(view.TakesArrivalsInPlace);
    }

    [Fact]
    public void Sort_page_and_size_round_trip_through_the_address()
    {
        var view = Read() with { Sort = JobOrderSort.Company, Descending = true, Page = 3, PageSize = 100, Q = "cfo" };

        var address = view.ToQueryParameters();
        var read = Read((string?)address["sort"], (string?)address["dir"], int.Parse((string)address["page"]!, System.Globalization.CultureInfo.InvariantCulture), int.Parse((string)address["size"]!, System.Globalization.CultureInfo.InvariantCulture), (string?)address["q"]);

        Assert.Equal(view, read);
        Assert.False(read.TakesArrivalsInPlace);
    }

    [Theory]
    [InlineData("Bogus", null, -4, 7)]
    [InlineData("42", "sideways", 0, 1_000_000)]
    public void A_hand_edited_address_falls_back_to_what_it_can_mean(string sort, string? dir, int page, int size)
    {
        var view = Read(sort, dir, page, size);

        Assert.Equal((JobOrderSort.Received, 1, 50), (view.Sort, view.Page, view.PageSize));
    }

    [Fact]
    public void A_new_filter_or_sort_starts_again_at_the_first_page_and_a_second_click_turns_the_sort_round()
    {
        var onPage4 = Read(page: 4);

        Assert.Equal(1, onPage4.Filtered(v => v with { Status = "New" }).Page);
        var byCompany = onPage4.SortedBy(JobOrderSort.Company);
        Assert.Equal((JobOrderSort.Company, false, 1), (byCompany.Sort, byCompany.Descending, byCompany.Page));
        Assert.True(byCompany.SortedBy(JobOrderSort.Company).Descending);
    }

    [Fact]
    public void Mine_becomes_the_signed_in_recruiter_in_the_query()
    {
        var view = Read() with { Owner = "me", Page = 2 };

        var query = view.ToQuery("user-7");

        Assert.Equal(("user-7", 1, 50), (query.OwnerId, query.Page, query.PageSize));
    }

    [Fact]
    public void The_filter_count_counts_a_region_or_an_office_like_any_other_filter()
    {
        Assert.Equal(0, Read().FilterCount);
        Assert.Equal(1, Read().InRegion("2").FilterCount);
        Assert.Equal(1, (Read() with { Office = "7" }).FilterCount);
        Assert.Equal(1, (Read() with { Office = "none" }).InRegion("2").FilterCount);
        Assert.Equal(2, (Read() with { Priority = "High" }).InRegion("2").FilterCount);
    }
}
