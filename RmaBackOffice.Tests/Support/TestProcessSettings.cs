using System.Runtime.CompilerServices;

namespace RmaBackOffice.Tests.Support;

/// <summary>
/// Settings for the whole test process, applied before any host is built.
/// </summary>
internal static class TestProcessSettings
{
    [ModuleInitializer]
    internal static void Apply()
    {
        // Each host the tests build would otherwise watch appsettings*.json with an inotify instance, and a host's
        // configuration is never disposed with it. A suite of a few hundred hosts then meets Linux's default limit of
        // 128 inotify instances per user and later hosts fail to start. Test hosts never need to reload configuration.
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
    }
}
