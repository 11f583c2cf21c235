using Microsoft.AspNetCore.Hosting;

namespace RmaBackOffice.Tests.Support;

/// <summary>
/// The app with a revalidation interval far longer than any test: a session ended by a new security stamp, a lock or a
/// role change keeps its cookie and open circuits, so only the services' own re-check of the caller can refuse it.
/// </summary>
public class LongRevalidationAppHost : AppHost
{
    protected override void ConfigureTestSettings(IWebHostBuilder builder) =>
        builder.UseSetting("Security:RevalidationSeconds", "3600");
}

/// <summary>The same on a real Kestrel port, for Playwright.</summary>
public sealed class LongRevalidationKestrelAppHost : KestrelAppHost
{
    protected override void ConfigureTestSettings(IWebHostBuilder builder) =>
        builder.UseSetting("Security:RevalidationSeconds", "3600");
}
