using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using RmaBackOffice.Components.Account;

namespace RmaBackOffice.Tests.Components.Account;

/// <summary>Open circuits re-check their sign-in spread over the interval, never later than configured.</summary>
public sealed class RevalidationSpreadTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    [Fact]
    public void A_wait_runs_from_three_quarters_of_the_interval_up_to_the_whole_of_it()
    {
        Assert.Equal(TimeSpan.FromSeconds(22.5), IdentityRevalidatingAuthenticationStateProvider.Spread(Interval, 0));
        Assert.Equal(TimeSpan.FromSeconds(26.25), IdentityRevalidatingAuthenticationStateProvider.Spread(Interval, 0.5));
        Assert.Equal(Interval, IdentityRevalidatingAuthenticationStateProvider.Spread(Interval, 1));
    }

    [Fact]
    public void Circuits_opened_together_wait_different_times_each_within_the_interval()
    {
        using var services = new ServiceCollection().BuildServiceProvider();
        using var provider = new IdentityRevalidatingAuthenticationStateProvider(
            NullLoggerFactory.Instance, services.GetRequiredService<IServiceScopeFactory>(), new RevalidationSettings(Interval));
        var property = typeof(IdentityRevalidatingAuthenticationStateProvider)
            .GetProperty("RevalidationInterval", BindingFlags.Instance | BindingFlags.NonPublic)!;

        var waits = Enumerable.Range(0, 50).Select(_ => (TimeSpan)property.GetValue(provider)!).ToList();

        Assert.All(waits, w => Assert.InRange(w, Interval * 0.75, Interval));
        Assert.True(waits.Distinct().Count() > 10, "fifty draws spread over the range, not one wait for every circuit");
    }
}
