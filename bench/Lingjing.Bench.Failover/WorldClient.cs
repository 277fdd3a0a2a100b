using System.Collections.Concurrent;
using System.Net.WebSockets;
using Google.Protobuf;
using Lingjing.World.Protocol;

namespace Lingjing.Bench.Failover;

/// <summary>One person in the zone's world through the load balancer, as the browser client behaves after a node dies:
/// connects again where it stood. Reads its connection all the time (as a browser does), so that waiting for a move
/// never ends the connection: only its node can.</summary>
internal sealed class WorldClient(Uri balancer, string token) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<uint, (int X, int Z)> seen = new();
    private ClientWebSocket? socket;
    private Task reading = Task.CompletedTask;
    private TaskCompletionSource<Welcome> welcomed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool closed = true;
    private uint seq;

    public uint AvatarId { get; private set; }
    public Vec3 At { get; private set; } = new();

    /// <summary>Connected, and its node has not dropped the connection.</summary>
    public bool Open => !closed;

    /// <summary>Had to connect again during the current round (its node died).</summary>
    public bool Reconnected { get; set; }

    public async Task ConnectAsync(Vec3? resumeAt, CancellationToken ct)
    {
        await DisposeAsync();
        seen.Clear();
        welcomed = new TaskCompletionSource<Welcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", "Bearer " + token);
        using var connecting = CancellationTokenSource.CreateLinkedTokenSource(ct);
        connecting.CancelAfter(TimeSpan.FromSeconds(10));
        await socket.ConnectAsync(new UriBuilder(balancer) { Scheme = "ws", Path = "/world/ws" }.Uri, connecting.Token);
        closed = false;
        reading = ReadAsync(socket, ct);
        seq = 0;
        await SendAsync(new ClientFrame { Hello = new Hello { WorldId = "zone", ProtocolVersion = 1, ResumeAt = resumeAt } }, ct);
        var welcome = await welcomed.Task.WaitAsync(TimeSpan.FromSeconds(10), ct);
        AvatarId = welcome.AvatarId;
        At = welcome.Spawn;
    }

    public async Task StepAsync(int dx, CancellationToken ct)
    {
        At = new Vec3 { X = At.X + dx, Y = 0, Z = At.Z };
        await SendAsync(new ClientFrame { Input = new Input { Seq = ++seq, X = At.X, Z = At.Z, State = MovementState.Walking } }, ct);
    }

    /// <summary>Whether a snapshot shows the avatar at (x, z) within <paramref name="wait"/>.</summary>
    public async Task<bool> SeesAsync(uint avatarId, Vec3 at, TimeSpan wait, CancellationToken ct)
    {
        var until = DateTime.UtcNow + wait;
        while (DateTime.UtcNow < until && !closed)
        {
            if (seen.TryGetValue(avatarId, out var where) && where.X == at.X && where.Z == at.Z) return true;
            await Task.Delay(5, ct);
        }
        return false;
    }

    private async Task SendAsync(ClientFrame frame, CancellationToken ct)
    {
        try
        {
            await socket!.SendAsync(frame.ToByteArray(), WebSocketMessageType.Binary, true, ct);
        }
        catch (WebSocketException)
        {
            closed = true;
            throw;
        }
    }

    private async Task ReadAsync(ClientWebSocket from, CancellationToken ct)
    {
        var buffer = new byte[256 * 1024];
        try
        {
            while (true)
            {
                var count = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await from.ReceiveAsync(buffer.AsMemory(count), ct);
                    if (result.MessageType == WebSocketMessageType.Close) return;
                    count += result.Count;
                } while (!result.EndOfMessage);
                var frame = ServerFrame.Parser.ParseFrom(buffer, 0, count);
                if (frame.Welcome is not null) welcomed.TrySetResult(frame.Welcome);
                if (frame.Snapshot is null) continue;
                foreach (var avatar in frame.Snapshot.Cells.SelectMany(c => c.Avatars)) seen[avatar.Id] = (avatar.X, avatar.Z);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        finally
        {
            // A connection its node dropped without a close handshake ends here too: the person connects again, as
            // the browser client does on close.
            closed = true;
            welcomed.TrySetException(new WebSocketException("closed before the welcome"));
        }
    }

    /// <summary>The avatar and the node that holds it (the top byte of an avatar id is its node's index).</summary>
    public override string ToString() => $"avatar {AvatarId:x} on node index {AvatarId >> 24}";

    public async ValueTask DisposeAsync()
    {
        closed = true;
        socket?.Abort();
        socket?.Dispose();
        socket = null;
        await reading;
    }
}
