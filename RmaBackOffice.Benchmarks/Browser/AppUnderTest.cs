using System.Diagnostics;

namespace RmaBackOffice.Benchmarks.Browser;

/// <summary>
/// The app as people get it: its Release build in a process of its own on 127.0.0.1, over a copy of a generated database
/// (the original is never opened for writing), with a bootstrap administrator to sign in as.
/// </summary>
public sealed class AppUnderTest : IAsyncDisposable
{
    public const string AdminEmail = "bench.admin@rma.local";
    public const string AdminPassword = "Bench-Admin-Password-1";

    private readonly Process process;
    private readonly string folder;

    private AppUnderTest(Process process, string folder, Uri baseAddress, string databasePath)
    {
        this.process = process;
        this.folder = folder;
        BaseAddress = baseAddress;
        DatabasePath = databasePath;
    }

    public Uri BaseAddress { get; }

    /// <summary>The copy the app serves; the benchmark reads its SQL floors from the same file.</summary>
    public string DatabasePath { get; }

    public static async Task<AppUnderTest> StartAsync(string originalDatabase, int port)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"rma-browser-bench-{port}");
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
        Directory.CreateDirectory(folder);
        var copy = Path.Combine(folder, "rma.db");
        Console.WriteLine($"Copying {originalDatabase} to {copy}");
        await RunAsync("cp", $"--reflink=auto \"{originalDatabase}\" \"{copy}\"");
        await BenchmarkAdmin.PreparePasswordAsync(copy, AdminEmail, AdminPassword);

        var app = AppAssembly();
        var start = new ProcessStartInfo("dotnet", $"\"{app}\"")
        {
            WorkingDirectory = Path.GetDirectoryName(app)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var address = new Uri($"http://127.0.0.1:{port}");
        start.Environment["ASPNETCORE_URLS"] = address.ToString();
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__DefaultConnection"] = $"Data Source={copy}";
        start.Environment["Bootstrap__AdminEmail"] = AdminEmail;
        start.Environment["Bootstrap__AdminPassword"] = AdminPassword;
        start.Environment["Seed__Demo"] = "false";
        start.Environment["Backup__Hours"] = "0";
        start.Environment["Backup__Folder"] = Path.Combine(folder, "backups");
        start.Environment["Candidates__ResumeFolder"] = Path.Combine(folder, "resumes");
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start) ?? throw new InvalidOperationException("The app did not start.");
        process.OutputDataReceived += (_, e) => Echo(e.Data);
        process.ErrorDataReceived += (_, e) => Echo(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var running = new AppUnderTest(process, folder, address, copy);
        await running.WaitUntilAnsweringAsync();
        return running;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private async Task WaitUntilAnsweringAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromMinutes(5))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {process.ExitCode}.");
            }
            try
            {
                using var answer = await client.GetAsync(new Uri("/Account/Login", UriKind.Relative));
                if (answer.IsSuccessStatusCode)
                {
                    Console.WriteLine($"App answering at {BaseAddress} after {waited.Elapsed.TotalSeconds:F1} s");
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy starting.
            }
            await Task.Delay(250);
        }
        throw new TimeoutException("The app did not answer within five minutes.");
    }

    /// <summary>The app's Release build beside this one: RmaBackOffice/bin/Release/net10.0/RmaBackOffice.dll.</summary>
    private static string AppAssembly()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "RmaBackOffice", "bin", "Release", "net10.0", "RmaBackOffice.dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException("Build the app first: dotnet build -c Release RmaBackOffice.Benchmarks");
    }

    private static void Echo(string? line)
    {
        if (!string.IsNullOrWhiteSpace(line))
        {
            Console.WriteLine($"  app: {line}");
        }
    }

    private static async Task RunAsync(string command, string arguments)
    {
        using var run = Process.Start(new ProcessStartInfo(command, arguments)) ?? throw new InvalidOperationException($"{command} did not start.");
        await run.WaitForExitAsync();
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"{command} {arguments} failed with {run.ExitCode}.");
        }
    }
}
