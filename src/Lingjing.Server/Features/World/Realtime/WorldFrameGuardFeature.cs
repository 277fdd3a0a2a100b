using Microsoft.AspNetCore.Http.Features;

namespace Lingjing.Server.Features.World.Realtime;

/// <summary>
/// Puts a <see cref="ClientFrameHeaderGuard"/> between a <c>/world/ws</c> connection and its WebSocket:
/// installed before the WebSocket middleware, it wraps the stream the upgrade (HTTP/1.1) or extended
/// CONNECT (HTTP/2) hands over. The endpoint tells it what to do when it trips (<see cref="Tripped"/>) and
/// when the close frame has gone out (<see cref="CloseSent"/>).
/// </summary>
internal sealed class WorldFrameGuardFeature(long maxPayloadBytes)
{
    /// <summary>How long the WebSocket is kept from reading on after a trip, waiting for the close frame.</summary>
    public static readonly TimeSpan CloseWait = TimeSpan.FromSeconds(5);

    private int _tripped;

    public ClientFrameHeaderGuard Guard { get; } = new(maxPayloadBytes);

    /// <summary>Called once, on the receive path, when a frame header announces too much payload.</summary>
    public Action<long>? Tripped { get; set; }

    public Task CloseSent { get; set; } = Task.CompletedTask;

    public void Trip()
    {
        if (Interlocked.Exchange(ref _tripped, 1) == 0) Tripped?.Invoke(Guard.TrippedBy ?? long.MaxValue);
    }

    public static Task Install(HttpContext http, RequestDelegate next, long maxPayloadBytes)
    {
        var feature = new WorldFrameGuardFeature(maxPayloadBytes);
        if (http.Features.Get<IHttpUpgradeFeature>() is { } upgrade)
            http.Features.Set<IHttpUpgradeFeature>(new GuardedUpgrade(upgrade, feature));
        if (http.Features.Get<IHttpExtendedConnectFeature>() is { } connect)
            http.Features.Set<IHttpExtendedConnectFeature>(new GuardedExtendedConnect(connect, feature));
        http.Features.Set(feature);
        return next(http);
    }

    private sealed class GuardedUpgrade(IHttpUpgradeFeature inner, WorldFrameGuardFeature feature) : IHttpUpgradeFeature
    {
        public bool IsUpgradableRequest => inner.IsUpgradableRequest;

        public async Task<Stream> UpgradeAsync() => new GuardedWebSocketStream(await inner.UpgradeAsync(), feature);
    }

    private sealed class GuardedExtendedConnect(IHttpExtendedConnectFeature inner, WorldFrameGuardFeature feature) : IHttpExtendedConnectFeature
    {
        public bool IsExtendedConnect => inner.IsExtendedConnect;

        public string? Protocol => inner.Protocol;

        public async ValueTask<Stream> AcceptAsync() => new GuardedWebSocketStream(await inner.AcceptAsync(), feature);
    }
}
