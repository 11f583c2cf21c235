using System.Security.Claims;
using Microsoft.AspNetCore.Components.Server.Circuits;
using RmaBackOffice.Data;

namespace RmaBackOffice.Features.Audit;

/// <summary>
/// The client of the current request or circuit: its address and agent. A circuit has no request after it starts, so they are
/// taken from the connection that opened it.
/// </summary>
public sealed class ClientConnection(IHttpContextAccessor accessor)
{
    private string? circuitIp;
    private string? circuitAgent;
    private bool captured;

    public AuditOrigin NewOrigin()
    {
        if (!captured && accessor.HttpContext is { } http)
        {
            return AuditOrigins.FromRequest(http);
        }
        return new AuditOrigin(circuitIp, circuitAgent, Guid.NewGuid().ToString("N"));
    }

    internal void Capture(HttpContext? http)
    {
        if (http is null || captured)
        {
            return;
        }
        circuitIp = http.Connection.RemoteIpAddress?.ToString();
        circuitAgent = http.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent : null;
        captured = true;
    }
}

internal sealed class ClientConnectionCircuitHandler(ClientConnection connection, IHttpContextAccessor accessor) : CircuitHandler
{
    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        connection.Capture(accessor.HttpContext);
        return Task.CompletedTask;
    }
}

/// <summary>The audit scope of a save made outside any unit of work: the request's user and client, or the system.</summary>
public sealed class AuditOrigins(IHttpContextAccessor accessor)
{
    public AuditScope AmbientScope()
    {
        if (accessor.HttpContext is not { } http)
        {
            return new AuditScope(Actor.System, new AuditOrigin(null, null, Guid.NewGuid().ToString("N")));
        }
        var user = http.User;
        var actor = user.FindFirstValue(ClaimTypes.NameIdentifier) is { } id
            ? new Actor(id, user.FindFirstValue(StaffClaims.DisplayName) ?? user.Identity?.Name ?? id)
            : Actor.Public;
        return new AuditScope(actor, FromRequest(http));
    }

    internal static AuditOrigin FromRequest(HttpContext http) => new(
        http.Connection.RemoteIpAddress?.ToString(),
        http.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent : null,
        http.TraceIdentifier);
}
