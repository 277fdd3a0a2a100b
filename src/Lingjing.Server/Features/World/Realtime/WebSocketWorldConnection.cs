using System.Net.WebSockets;
using System.Text;
using Lingjing.World;

namespace Lingjing.Server.Features.World.Realtime;

/// <summary>
/// Adapts an accepted WebSocket to the engine's transport. The engine's per-connection outbox is the
/// bounded send queue (at most one waiting snapshot, a byte and age budget); this adapter only writes.
/// Kestrel's SendAsync completes once the frame is in the connection's pipe, so it never blocks the
/// tick thread; a cancelled send aborts the socket (that is how the engine drops a client that is too slow).
/// </summary>
internal sealed class WebSocketWorldConnection(WebSocket socket) : IWorldConnection
{
    // RFC 6455: the close reason is at most 123 bytes of UTF-8.
    private const int MaxCloseReasonBytes = 123;
    private static readonly TimeSpan CloseSendTimeout = TimeSpan.FromSeconds(5);

    private int _closeSent;

    /// <summary>True once the server has sent its close frame.</summary>
    public bool CloseSent => Volatile.Read(ref _closeSent) == 1;

    public ValueTask SendAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            socket.Abort();
            return ValueTask.FromCanceled(cancellationToken);
        }
        return socket.SendAsync(frame, WebSocketMessageType.Binary, endOfMessage: true, cancellationToken);
    }

    public async ValueTask CloseAsync(int code, string reason)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived)) return;
        Volatile.Write(ref _closeSent, 1);
        using var timeout = new CancellationTokenSource(CloseSendTimeout);
        try
        {
            await socket.CloseOutputAsync((WebSocketCloseStatus)code, Truncate(reason), timeout.Token).ConfigureAwait(false);
        }
        catch (Exception) when (timeout.IsCancellationRequested)
        {
            socket.Abort();
        }
    }

    private static string Truncate(string reason)
    {
        if (Encoding.UTF8.GetByteCount(reason) <= MaxCloseReasonBytes) return reason;
        var end = reason.Length;
        while (end > 0 && Encoding.UTF8.GetByteCount(reason.AsSpan(0, end)) > MaxCloseReasonBytes) end--;
        if (end > 0 && char.IsHighSurrogate(reason[end - 1])) end--;
        return reason[..end];
    }
}
