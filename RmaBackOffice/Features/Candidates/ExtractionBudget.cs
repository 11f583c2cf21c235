using System.Diagnostics.CodeAnalysis;

namespace RmaBackOffice.Features.Candidates;

/// <summary>A file that unpacks past the limits: refused, never stored.</summary>
public sealed class ResumeBombException(string reason) : Exception(reason);

/// <summary>One extraction's running total of inflated bytes and its deadline.</summary>
internal sealed class ExtractionBudget : IDisposable
{
    private readonly CancellationTokenSource deadline;
    private readonly long maxInflatedBytes;

    public ExtractionBudget(long maxInflatedBytes, TimeSpan maxTime, CancellationToken ct)
    {
        this.maxInflatedBytes = maxInflatedBytes;
        deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(maxTime);
    }

    public long Inflated { get; private set; }

    /// <summary>Kept as well as thrown: a lenient parser may swallow the exception, and a bomb must never pass as an unreadable file.</summary>
    public string? BombReason { get; private set; }

    public CancellationToken Token => deadline.Token;

    public void ThrowIfOutOfTime() => deadline.Token.ThrowIfCancellationRequested();

    /// <summary>Counts bytes about to be (or just) inflated; refuses past the part or total limit.</summary>
    public void Charge(long bytes)
    {
        if (bytes > ResumeLimits.MaxInflatedPartBytes)
        {
            Refuse($"a part inflates to more than {ResumeLimits.MaxInflatedPartBytes / (1024 * 1024)} MB");
        }
        Inflated += bytes;
        if (Inflated > maxInflatedBytes)
        {
            Refuse($"the parts inflate to more than {maxInflatedBytes / (1024 * 1024)} MB");
        }
    }

    [DoesNotReturn]
    public void Refuse(string reason)
    {
        BombReason ??= reason;
        throw new ResumeBombException(reason);
    }

    public void Dispose() => deadline.Dispose();
}
