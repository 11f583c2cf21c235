using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace RmaBackOffice.Benchmarks.Intake;

public enum IntakeKind
{
    JobOrders,
    Registrations,
}

/// <summary>What the clients saw: each answer's latency, the errors, and the references acknowledged.</summary>
public sealed class IntakeRun
{
    public ConcurrentBag<double> LatenciesMs { get; } = [];
    public ConcurrentQueue<string> Acknowledged { get; } = new();
    public ConcurrentDictionary<string, int> Errors { get; } = new();
    public TimeSpan Elapsed { get; set; }

    public int Count => LatenciesMs.Count;
    public int ErrorCount => Errors.Values.Sum();
    public double PerSecond => Acknowledged.Count / Elapsed.TotalSeconds;

    public double Percentile(double p)
    {
        var sorted = LatenciesMs.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p / 100 * sorted.Length) - 1)];
    }

    public void Fail(string what) => Errors.AddOrUpdate(what, 1, (_, n) => n + 1);
}

/// <summary>
/// Concurrent clients posting to the public API as the firm's website does: a job order as JSON, a registration as a multipart
/// form without a resume, each with an idempotency key of its own and a new contact, one request at a time per client.
/// </summary>
public sealed class IntakeClients(Uri address, string industry, string consentVersion) : IDisposable
{
    private readonly HttpClient http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
    {
        BaseAddress = address,
        Timeout = TimeSpan.FromSeconds(30),
    };

    private static long sent;

    /// <summary>The industry and consent version the app accepts, read from its public lists.</summary>
    public static async Task<IntakeClients> ConnectAsync(Uri address, CancellationToken ct = default)
    {
        using var http = new HttpClient { BaseAddress = address };
        var industries = await http.GetFromJsonAsync<JsonElement>(new Uri("/api/public/industries", UriKind.Relative), ct);
        var consent = await http.GetFromJsonAsync<JsonElement>(new Uri("/api/public/consent", UriKind.Relative), ct);
        return new IntakeClients(address, industries[0].GetProperty("value").GetString()!, consent.GetProperty("version").GetString()!);
    }

    /// <summary>Runs <paramref name="clients"/> clients until <paramref name="stop"/>; what each answer took is in the run.</summary>
    public async Task<IntakeRun> RunAsync(IntakeKind kind, int clients, CancellationToken stop)
    {
        var run = new IntakeRun();
        await RunAsync(run, kind, clients, stop);
        return run;
    }

    /// <summary>As above, into a run the caller watches while it goes; <paramref name="kindOf"/> picks each client's kind.</summary>
    public async Task RunAsync(IntakeRun run, IntakeKind kind, int clients, CancellationToken stop, Func<int, IntakeKind>? kindOf = null)
    {
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(i => Task.Run(() => ClientAsync(kindOf?.Invoke(i) ?? kind, run, stop))));
        run.Elapsed = clock.Elapsed;
    }

    private async Task ClientAsync(IntakeKind kind, IntakeRun run, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var n = Interlocked.Increment(ref sent);
            using var request = kind == IntakeKind.JobOrders ? JobOrder(n) : Registration(n);
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var answer = await http.SendAsync(request, stop);
                var body = await answer.Content.ReadAsStringAsync(stop);
                var took = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (answer.StatusCode == HttpStatusCode.Created)
                {
                    using var json = JsonDocument.Parse(body);
                    run.LatenciesMs.Add(took);
                    run.Acknowledged.Enqueue(json.RootElement.GetProperty("reference").GetString()!);
                }
                else
                {
                    run.LatenciesMs.Add(took);
                    run.Fail($"{(int)answer.StatusCode} {body[..Math.Min(body.Length, 200)]}");
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpRequestException ex)
            {
                // The kill test ends the app under its clients; those requests were never acknowledged.
                run.Fail(ex.HttpRequestError.ToString());
                if (stop.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }

    private HttpRequestMessage JobOrder(long n)
    {
        var body = JsonSerializer.Serialize(new
        {
            companyName = $"Load Test Holdings {n}",
            industry,
            positionTitle = "Chief Financial Officer",
            level = "CSuite",
            city = "Lisbon",
            country = "Portugal",
            description = "Lead finance across four markets through a listing.",
            contactName = "Ana Load",
            contactEmail = $"ana.{n}@load.example",
            consentToContact = true,
        });
        return new HttpRequestMessage(HttpMethod.Post, "/api/public/job-orders")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
            Headers = { { "Idempotency-Key", Key(n) } },
        };
    }

    private HttpRequestMessage Registration(long n)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent("Grace"), "firstName" },
            { new StringContent($"Load {n.ToString(CultureInfo.InvariantCulture)}"), "lastName" },
            { new StringContent($"grace.{n.ToString(CultureInfo.InvariantCulture)}@load.example"), "email" },
            { new StringContent("United States"), "country" },
            { new StringContent("Chief Technology Officer"), "currentTitle" },
            { new StringContent("CSuite"), "level" },
            { new StringContent(industry), "industries" },
            { new StringContent("true"), "consentToProcessing" },
            { new StringContent(consentVersion), "consentVersion" },
        };
        return new HttpRequestMessage(HttpMethod.Post, "/api/public/candidates") { Content = form, Headers = { { "Idempotency-Key", Key(n) } } };
    }

    private static string Key(long n) => $"load-{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}-{n.ToString(CultureInfo.InvariantCulture)}";

    public void Dispose() => http.Dispose();
}
