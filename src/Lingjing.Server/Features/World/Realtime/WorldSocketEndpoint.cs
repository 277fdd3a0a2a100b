using System.Buffers;
using System.Net.Sockets;
using System.Net.WebSockets;
using Google.Protobuf;
using Lingjing.Server.Features.Accounts;
using Lingjing.World;
using Lingjing.World.Protocol;
using Lingjing.World.Sessions;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.World.Realtime;

/// <summary>
/// <c>GET /world/ws</c>: upgrades an authenticated request to a WebSocket and pumps the client's
/// messages into a world session (docs/protocol.md). Authentication happens before the upgrade, so an
/// anonymous request gets a plain 401. The receive loop is fully asynchronous (no pool thread is held)
/// and never buffers more than the protocol's frame limit.
/// </summary>
internal static class WorldSocketEndpoint
{
    /// <summary>How long to wait for the client's answer to our close frame before dropping the TCP connection.</summary>
    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(5);

    /// <summary>A frame header announcing more than this is not a big message but garbage or an attack: 4000, not 1009.</summary>
    public const long AbsurdFrameBytes = 1024 * 1024;

    public static async Task HandleAsync(HttpContext http, WorldHost host, WorldAdmission admission, WorldConnections connections,
        WorldCloseLog closeLog, IOptions<WorldRealtimeOptions> options)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            await Failure.Invalid("Open /world/ws with a WebSocket client; see docs/protocol.md.").Titled("WebSocket upgrade required")
                .ToProblem().ExecuteAsync(http);
            return;
        }
        var principal = http.User;
        var userId = principal.UserId();
        if (userId is null)
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }
        var user = await admission.UserAsync(principal, userId.Value, http.RequestAborted);

        using var socket = await http.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext { DangerousEnableCompression = false });
        LimitKernelSendBuffer(http, options.Value.SocketSendBufferBytes);
        var connection = new WebSocketWorldConnection(socket);
        var session = host.Node.Attach(connection, user);
        if (http.Features.Get<WorldFrameGuardFeature>() is { } guard)
        {
            guard.CloseSent = session.Completion;
            guard.Tripped = length => session.Close(
                length > AbsurdFrameBytes ? WorldCloseCodes.MalformedFrame : WorldCloseCodes.FrameTooBig,
                length > AbsurdFrameBytes ? "malformed frame: absurd length" : $"frame larger than {host.Node.Options.MaxSignalFrameBytes} bytes");
        }
        connections.Add(session);
        var buffer = ArrayPool<byte>.Shared.Rent(host.Node.Options.MaxSignalFrameBytes);
        using var receiveCancel = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        // Once the engine has closed the session, a client that never answers our close frame is dropped.
        _ = session.Completion.ContinueWith(static (_, state) => CancelLater((CancellationTokenSource)state!), receiveCancel,
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        try
        {
            await ReceiveLoopAsync(socket, session, host, buffer.AsMemory(0, host.Node.Options.MaxSignalFrameBytes), receiveCancel.Token);
            await FinishAsync(socket, session, connection);
        }
        catch (WebSocketException ex) when (ex.WebSocketErrorCode == WebSocketError.Faulted && !session.IsClosed)
        {
            // The WebSocket itself refused a frame that breaks RFC 6455 and sent its close (1002, or 1007 for bad UTF-8).
            session.Disconnected();
            closeLog.Closed(user.UserId, WorldCloseCodes.ProtocolError, "WebSocket protocol violation: " + ex.Message);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            session.Disconnected();
        }
        finally
        {
            connections.Remove(session);
            ArrayPool<byte>.Shared.Return(buffer);
        }
        if (session.CloseCode is { } code && WorldCloseLog.IsClientFault(code)) closeLog.Closed(user.UserId, code, session.CloseReason ?? "");
    }

    /// <summary>
    /// Kestrel's send completes once a frame is in its pipe, and the kernel's send buffer (megabytes when
    /// autotuned) would otherwise hide a client that stopped reading for minutes. A fixed buffer keeps the
    /// backlog small enough that the engine's outbox notices it (docs/protocol.md, slow connections).
    /// </summary>
    private static void LimitKernelSendBuffer(HttpContext http, int bytes)
    {
        if (bytes <= 0 || http.Features.Get<IConnectionSocketFeature>()?.Socket is not { } tcp) return;
        try
        {
            tcp.SendBufferSize = bytes;
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Not every transport lets us, and the client may be gone already; the outbox's bounds still apply.
        }
    }

    private static void CancelLater(CancellationTokenSource cancel)
    {
        try
        {
            cancel.CancelAfter(CloseHandshakeTimeout);
        }
        catch (ObjectDisposedException)
        {
            // The connection is already finished.
        }
    }

    private static async Task ReceiveLoopAsync(WebSocket socket, WorldSession session, WorldHost host, Memory<byte> buffer,
        CancellationToken aborted)
    {
        var first = true;
        while (!session.IsClosed)
        {
            var count = 0;
            ValueWebSocketReceiveResult result;
            do
            {
                if (count == buffer.Length)
                {
                    // Stop at the limit rather than buffering whatever the client keeps sending.
                    session.ReceiveOversizedFrame();
                    return;
                }
                result = await socket.ReceiveAsync(buffer[count..], aborted);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    session.Disconnected();
                    return;
                }
                count += result.Count;
            } while (!result.EndOfMessage);

            if (result.MessageType == WebSocketMessageType.Text)
            {
                session.ReceiveTextFrame();
                return;
            }
            if (first)
            {
                first = false;
                await PrepareWorldAsync(buffer[..count], host, aborted);
            }
            session.ReceiveFrame(buffer.Span[..count]);
        }
    }

    /// <summary>A park created after start gets its world when someone first says Hello to it.</summary>
    private static async Task PrepareWorldAsync(ReadOnlyMemory<byte> frame, WorldHost host, CancellationToken aborted)
    {
        ClientFrame parsed;
        try
        {
            parsed = ClientFrame.Parser.ParseFrom(frame.Span);
        }
        catch (Exception)
        {
            return; // the session closes it with the documented code (4000)
        }
        if (parsed.BodyCase == ClientFrame.BodyOneofCase.Hello && host.Node.FindWorld(parsed.Hello.WorldId) is null)
            await host.EnsureWorldAsync(parsed.Hello.WorldId, aborted);
    }

    /// <summary>
    /// Ends the conversation: waits for the engine's close frame to be sent, then for the client's
    /// answer (discarding anything else), within a deadline; answers a close the client started.
    /// </summary>
    private static async Task FinishAsync(WebSocket socket, WorldSession session, WebSocketWorldConnection connection)
    {
        using var deadline = new CancellationTokenSource(CloseHandshakeTimeout);
        await session.Completion.WaitAsync(deadline.Token);
        if (socket.State == WebSocketState.CloseReceived && !connection.CloseSent)
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", deadline.Token);
            return;
        }
        var discard = new byte[256];
        while (socket.State == WebSocketState.CloseSent)
        {
            var result = await socket.ReceiveAsync(discard.AsMemory(), deadline.Token);
            if (result.MessageType == WebSocketMessageType.Close) return;
        }
    }
}
