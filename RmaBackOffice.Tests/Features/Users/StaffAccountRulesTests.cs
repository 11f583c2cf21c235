using RmaBackOffice.Features.Users;

namespace RmaBackOffice.Tests.Features.Users;

public class StaffAccountRulesTests
{
    private static StaffChange Change(StaffChangeKind kind, bool self = false, bool targetIsActiveAdmin = true, bool staysAdmin = false, int otherAdmins = 1) =>
        new(kind, "actor", self ? "actor" : "target", "Tess Target", targetIsActiveAdmin, staysAdmin, otherAdmins);

    [Fact]
    public void An_admin_cannot_remove_their_own_admin_role()
    {
        var why = StaffAccountRules.WhyRefused(Change(StaffChangeKind.ChangeRoles, self: true, otherAdmins: 3));
        Assert.Equal("You cannot remove your own Admin role. Ask another admin to do it.", why);
    }

    [Fact]
    public void An_admin_may_change_their_other_roles_while_staying_admin()
    {
        Assert.Null(StaffAccountRules.WhyRefused(Change(StaffChangeKind.ChangeRoles, self: true, staysAdmin: true, otherAdmins: 0)));
    }

    [Theory]
    [InlineData(StaffChangeKind.Lock, "You cannot lock your own account.")]
    [InlineData(StaffChangeKind.Deactivate, "You cannot deactivate your own account.")]
    public void An_admin_cannot_lock_or_deactivate_themself(StaffChangeKind kind, string expected)
    {
        Assert.Equal(expected, StaffAccountRules.WhyRefused(Change(kind, self: true, otherAdmins: 5)));
    }

    [Theory]
    [InlineData(StaffChangeKind.ChangeRoles)]
    [InlineData(StaffChangeKind.Lock)]
    [InlineData(StaffChangeKind.Deactivate)]
    public void The_last_active_admin_can_never_be_demoted_locked_or_deactivated(StaffChangeKind kind)
    {
        var why = StaffAccountRules.WhyRefused(Change(kind, otherAdmins: 0));
        Assert.NotNull(why);
        Assert.Contains("Tess Target is the last active admin", why);
    }

    [Theory]
    [InlineData(StaffChangeKind.ChangeRoles)]
    [InlineData(StaffChangeKind.Lock)]
    [InlineData(StaffChangeKind.Deactivate)]
    public void Another_admin_can_be_demoted_locked_or_deactivated_while_one_remains(StaffChangeKind kind)
    {
        Assert.Null(StaffAccountRules.WhyRefused(Change(kind, otherAdmins: 1)));
    }

    [Fact]
    public void Non_admins_can_be_locked_even_when_only_one_admin_exists()
    {
        Assert.Null(StaffAccountRules.WhyRefused(Change(StaffChangeKind.Lock, targetIsActiveAdmin: false, otherAdmins: 0)));
    }
}
