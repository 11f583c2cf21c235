using RmaBackOffice.Features.Candidates;

namespace RmaBackOffice.Tests.Features.Candidates;

public class CandidateDeskViewTests
{
    private static CandidateDeskView Parse(string? sort = null, string? dir = null, int? page = null, int? size = null, string? q = null) =>
        CandidateDeskView.Parse(q, null, null, null, null, null, null, null, false, sort, dir, page, size);

    [Fact]
    public void A_view_written_to_the_address_reads_back_the_same()
    {
        var view = new CandidateDeskView
        {
            Search = "treasury", Status = CandidateStatus.Screened, Industry = "banking", Level = PositionLevel.CSuite, Country = "Germany",
            Consent = ConsentState.Marketing, From = new DateOnly(2026, 1, 2), To = new DateOnly(2026, 3, 4), Review = true,
            Sort = CandidateSort.Country, Descending = true, Page = 41, PageSize = 100,
        };
        var values = view.ToQueryValues();
        string? Text(string key) => values[key]?.ToString();

        var read = CandidateDeskView.Parse(Text("q"), Text("status"), Text("industry"), Text("level"), Text("country"), Text("consent"),
            Text("from"), Text("to"), values["review"] is true, Text("sort"), Text("dir"), int.Parse(Text("page")!, System.Globalization.CultureInfo.InvariantCulture), int.Parse(Text("size")!, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(view, read);
        Assert.Equal("42", Text("page"));
    }

    [Fact]
    public void The_plain_desk_has_nothing_in_its_address()
    {
        Assert.All(new CandidateDeskView().ToQueryValues().Values, Assert.Null);
    }

    [Theory]
    [InlineData("nonsense", "desc", 0, 7)]
    [InlineData("Id; DROP TABLE Candidates", null, -3, 1_000_000)]
    public void Unknown_sorts_pages_and_sizes_fall_back_to_the_defaults(string sort, string? dir, int page, int size)
    {
        var view = Parse(sort, dir, page, size);

        Assert.Null(view.Sort);
        Assert.False(view.Descending);
        Assert.Equal(0, view.Page);
        Assert.Equal(CandidateDeskView.DefaultPageSize, view.PageSize);
    }

    [Fact]
    public void A_header_sorts_ascending_then_descending_then_gives_the_order_back_from_the_first_page()
    {
        var view = Parse(page: 5);

        var first = view.SortedBy(CandidateSort.Name);
        var second = first.SortedBy(CandidateSort.Name);
        var third = second.SortedBy(CandidateSort.Name);

        Assert.Equal((CandidateSort.Name, false, 0), (first.Sort!.Value, first.Descending, first.Page));
        Assert.Equal((CandidateSort.Name, true), (second.Sort!.Value, second.Descending));
        Assert.Null(third.Sort);
    }

    [Fact]
    public void Without_a_chosen_column_a_search_is_ranked_and_the_plain_desk_is_newest_first()
    {
        var query = Parse(q: "treasury", page: 3).ToQuery();

        Assert.Equal((CandidateSort.Relevance, true, 2), (query.Sort, query.Descending, query.Page));
        var sorted = Parse(sort: "registered", dir: "asc").ToQuery();
        Assert.Equal((CandidateSort.Registered, false), (sorted.Sort, sorted.Descending));
    }

    [Fact]
    public void The_filter_count_counts_a_region_an_office_and_a_placed_since_date_like_any_other_filter()
    {
        Assert.Equal(0, new CandidateDeskView().FilterCount);
        Assert.Equal(1, new CandidateDeskView().InRegion("2").FilterCount);
        Assert.Equal(1, new CandidateDeskView { Office = "7" }.FilterCount);
        Assert.Equal(1, new CandidateDeskView { Office = "7" }.InRegion("2").FilterCount);
        Assert.Equal(1, new CandidateDeskView { PlacedSince = new DateOnly(2026, 1, 1) }.FilterCount);
        Assert.Equal(3, new CandidateDeskView { Level = PositionLevel.CSuite, Review = true }.InRegion("2").FilterCount);
    }
}
