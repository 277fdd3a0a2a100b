namespace Lingjing.World;

/// <summary>
/// The transport under one session (the server adapts a WebSocket to it). The engine never calls
/// two members concurrently and always awaits a send before the next send or the close.
/// </summary>
public interface IWorldConnection
{
    /// <summary>
    /// Sends one binary frame. The memory is only valid until the returned task completes. Must not
    /// block: the engine may call it on its tick thread. Cancellation means the client is being dropped
    /// (too slow); aborting the socket is the right answer.
    /// </summary>
    ValueTask SendAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken);

    /// <summary>Sends the close handshake with a WebSocket close code and a short reason.</summary>
    ValueTask CloseAsync(int code, string reason);
}
