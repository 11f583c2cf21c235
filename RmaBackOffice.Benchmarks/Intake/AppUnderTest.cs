using System.Diagnostics;
using System.Globalization;

namespace RmaBackOffice.Benchmarks.Intake;

/// <summary>
/// The app as it ships (the Release build beside this benchmark), in a process of its own on 127.0.0.1, over the database
/// the caller names. Only what a load test needs is changed, through the environment: the per-address rate limit is lifted
/// (one address sends everything) and the registration's answer-time floor is taken out (see BENCHMARKS.md).
/// Production defaults in appsettings.json stay as they are.
/// </summary>
public sealed class AppUnderTest : IAsyncDisposable
{
    private readonly Process process;

    private AppUnderTest(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    public int ProcessId => process.Id;

    /// <summary>The app's processor time so far (user and kernel).</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    public static async Task<AppUnderTest> StartAsync(string databasePath, int port, CancellationToken ct = default)
    {
        var project = Path.Combine(RepositoryRoot(), "RmaBackOffice");
        var app = Path.Combine(project, "bin", BuildConfiguration(), "net10.0", "RmaBackOffice.dll");
        if (!File.Exists(app))
        {
            throw new FileNotFoundException($"Build the app first (dotnet build -c {BuildConfiguration()} RmaBackOffice): {app} is missing.");
        }
        var folder = Path.GetDirectoryName(databasePath)!;
        var start = new ProcessStartInfo("dotnet", [app])
        {
            // The content root: the app then reads the repository's appsettings.json, as `dotnet run` does.
            WorkingDirectory = project,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var address = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        var environment = start.Environment;
        environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        environment["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/');
        environment["ConnectionStrings__DefaultConnection"] = $"Data Source={databasePath}";
        environment["JobOrders__IntakePermitsPerMinute"] = "1000000000";
        environment["Candidates__RegistrationStoreFloorMilliseconds"] = "0";
        environment["Candidates__ResumeFolder"] = Path.Combine(folder, "resumes");
        environment["Backup__Hours"] = "0";
        environment["Backup__Folder"] = Path.Combine(folder, "backups");
        environment["Bootstrap__AdminPassword"] = "Load-Test-Admin-Password-1";
        environment["Seed__Demo"] = "false";
        var process = Process.Start(start) ?? throw new InvalidOperationException("The app did not start.");
        // Drained so a full pipe never blocks the app; what it prints is not needed.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line)
            {
                Console.Error.WriteLine($"  app: {line}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var running = new AppUnderTest(process, address);
        await running.WaitUntilReadyAsync(ct);
        return running;
    }

    private async Task WaitUntilReadyAsync(CancellationToken ct)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {process.ExitCode} while starting.");
            }
            try
            {
                using var answer = await client.GetAsync(new Uri("/api/public/levels", UriKind.Relative), ct);
                if (answer.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
            }
            await Task.Delay(100, ct);
        }
        throw new TimeoutException("The app did not answer within 120 s of starting.");
    }

    /// <summary>Kills the app at once (SIGKILL on Linux and macOS): no shutdown, no flush, as a power cut to the process.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: false);
        }
        await process.WaitForExitAsync();
    }

    /// <summary>Stops the app the way a service manager does: SIGTERM, then waits for it to shut down.</summary>
    public async Task StopAsync()
    {
        if (process.HasExited)
        {
            return;
        }
        using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        process.Dispose();
    }

    /// <summary>The folder holding the solution, found upward from this benchmark's binaries.</summary>
    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "RmaBackOffice.sln")))
            {
                return folder.FullName;
            }
        }
        throw new DirectoryNotFoundException("RmaBackOffice.sln was not found above " + AppContext.BaseDirectory);
    }

    // bin/Release/net10.0/ or bin/Debug/net10.0/: the app runs from the same configuration as this benchmark.
    private static string BuildConfiguration() =>
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent?.Name ?? "Release";
}
