using System.Net.ServerSentEvents;

namespace Lingjing.Server.Infrastructure.Realtime;

/// <summary>What every server-sent event stream of the site shares: how long a browser waits before
/// reconnecting, how often an idle stream says it is alive, and ending with the request or the server.</summary>
public static class LiveStreams
{
    /// <summary>An idle stream sends a "ping" this often, so proxies keep it open and the browser can tell a
    /// quiet stream from a dead one.</summary>
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(25);

    /// <summary>Told to the browser with the first event: retry a lost stream after this long.</summary>
    public static readonly TimeSpan Retry = TimeSpan.FromSeconds(3);

    public const string PingEvent = "ping";

    public static SseItem<object> Ping() => new(new { }, PingEvent);

    /// <summary>The request's token, also cancelled when the server stops: an open stream would otherwise
    /// hold shutdown until the host gives up on it.</summary>
    public static CancellationToken Lifetime(HttpContext http)
    {
        var stopping = http.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        var linked = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, stopping);
        http.Response.RegisterForDispose(linked);
        return linked.Token;
    }

    /// <summary>The first event of a stream, carrying the reconnection delay.</summary>
    public static SseItem<object> First(object data, string eventType) => new(data, eventType) { ReconnectionInterval = Retry };
}
