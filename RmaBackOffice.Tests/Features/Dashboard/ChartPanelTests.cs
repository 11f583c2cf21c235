using RmaBackOffice.Features.Dashboard;

namespace RmaBackOffice.Tests.Features.Dashboard;

public class ChartPanelTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(5, 1)]
    [InlineData(6, 2)]
    [InlineData(10, 2)]
    [InlineData(11, 5)]
    [InlineData(24, 5)]
    [InlineData(26, 10)]
    [InlineData(180, 50)]
    [InlineData(1_400, 500)]
    public void The_axis_steps_in_round_numbers_to_about_five_ticks(double highest, int step) =>
        Assert.Equal(step, ChartPanel.TickStep(highest));
}
