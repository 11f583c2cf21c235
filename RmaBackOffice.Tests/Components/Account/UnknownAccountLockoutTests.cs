using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RmaBackOffice.Components.Account;

namespace RmaBackOffice.Tests.Components.Account;

/// <summary>An email without an account counts wrong passwords as Identity counts a real account's.</summary>
public class UnknownAccountLockoutTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));

    private UnknownAccountLockout Lockout() => new(Options.Create(new IdentityOptions
    {
        Lockout = { MaxFailedAccessAttempts = 5, DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15) },
    }), clock);

    [Fact]
    public void Failures_do_not_expire_with_time_and_the_fifth_locks_out_as_for_a_real_account()
    {
        using var lockout = Lockout();
        for (var i = 0; i < 4; i++)
        {
            Assert.False(lockout.RecordFailure("NOBODY@EXAMPLE.COM"));
        }
        clock.Advance(TimeSpan.FromHours(3));

        Assert.True(lockout.RecordFailure("NOBODY@EXAMPLE.COM"));
        Assert.True(lockout.IsLockedOut("NOBODY@EXAMPLE.COM"));
    }

    [Fact]
    public void A_lockout_ends_after_its_time_and_the_count_starts_again()
    {
        using var lockout = Lockout();
        for (var i = 0; i < 5; i++)
        {
            lockout.RecordFailure("NOBODY@EXAMPLE.COM");
        }
        clock.Advance(TimeSpan.FromMinutes(16));

        Assert.False(lockout.IsLockedOut("NOBODY@EXAMPLE.COM"));
        Assert.False(lockout.RecordFailure("NOBODY@EXAMPLE.COM"));
    }

    [Fact]
    public void A_full_table_makes_room_so_a_new_email_is_still_counted()
    {
        using var lockout = Lockout();
        for (var i = 0; i < UnknownAccountLockout.MaxTrackedEmails; i++)
        {
            lockout.RecordFailure($"FILLER{i}@EXAMPLE.COM");
        }

        for (var i = 0; i < 4; i++)
        {
            lockout.RecordFailure("LATE@EXAMPLE.COM");
        }

        Assert.True(lockout.RecordFailure("LATE@EXAMPLE.COM"));
    }
}
