using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RmaBackOffice.Data;
using RmaBackOffice.Tests.Support;

namespace RmaBackOffice.Tests.Features.Shell;

/// <summary>The app's password hasher, wrapped to record which passwords were verified.</summary>
public sealed class PasswordHasherSpyAppHost : AppHost
{
    public ConcurrentBag<string> Verified { get; } = [];

    protected override void ConfigureTestSettings(IWebHostBuilder builder) =>
        builder.ConfigureTestServices(services => services.AddScoped<IPasswordHasher<ApplicationUser>>(provider =>
            new SpyHasher(new PasswordHasher<ApplicationUser>(provider.GetRequiredService<IOptions<PasswordHasherOptions>>()), Verified)));

    private sealed class SpyHasher(IPasswordHasher<ApplicationUser> inner, ConcurrentBag<string> verified) : IPasswordHasher<ApplicationUser>
    {
        public string HashPassword(ApplicationUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
        {
            verified.Add(providedPassword);
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}

/// <summary>
/// A wrong password costs the same for an unknown email as for a known one: both are checked against a password hash,
/// the work that dominates the time of the answer, so timing does not tell which emails have accounts.
/// </summary>
public class SignInTimingTests(PasswordHasherSpyAppHost host) : IClassFixture<PasswordHasherSpyAppHost>
{
    [Fact]
    public async Task A_wrong_password_for_an_unknown_email_is_checked_against_a_hash_too()
    {
        var password = $"Wrong-{Guid.NewGuid():N}";

        var response = await HttpSignIn.PostLoginAsync(host.CreateBrowserlessClient(), $"nobody-{Guid.NewGuid():N}@test.local", password);

        Assert.Contains("Invalid email or password", await response.Content.ReadAsStringAsync());
        Assert.Single(host.Verified, password);
    }

    [Fact]
    public async Task A_wrong_password_for_a_known_email_is_checked_against_its_hash_once()
    {
        var user = await host.CreateStaffAsync(Roles.Recruiter);
        var password = $"Wrong-{Guid.NewGuid():N}";

        var response = await HttpSignIn.PostLoginAsync(host.CreateBrowserlessClient(), user.Email!, password);

        Assert.Contains("Invalid email or password", await response.Content.ReadAsStringAsync());
        Assert.Single(host.Verified, password);
    }
}
