using System.Net.WebSockets;
using Google.Protobuf;
using Lingjing.World.Protocol;

namespace Lingjing.Bench.Failover;

/// <summary>One person in the zone's world through the load balancer, as the browser client behaves after a node dies:
/// connects again where it stood.</summary>
internal sealed class WorldClient(Uri balancer, string token) : IAsyncDisposable
{
    private ClientWebSocket? socket;
    private uint seq;

    public uint AvatarId { get; private set; }
    public Vec3 At { get; private set; } = new();
    public bool Open => socket?.State == WebSocketState.Open;

    /// <summary>Had to connect again during the current round (its node died).</summary>
    public bool Reconnected { get; set; }

    public async Task ConnectAsync(Vec3? resumeAt, CancellationToken ct)
    {
        if (socket is not null) await DisposeAsync();
        socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", "Bearer " + token);
        await socket.ConnectAsync(new UriBuilder(balancer) { Scheme = "ws", Path = "/world/ws" }.Uri, ct);
        seq = 0;
        await SendAsync(new ClientFrame { Hello = new Hello { WorldId = "zone", ProtocolVersion = 1, ResumeAt = resumeAt } }, ct);
        var welcome = (await WaitForAsync(f => f.Welcome is not null, TimeSpan.FromSeconds(10), ct)).Welcome;
        AvatarId = welcome.AvatarId;
        At = welcome.Spawn;
    }

    public async Task StepAsync(int dx, CancellationToken ct)
    {
        At = new Vec3 { X = At.X + dx, Y = 0, Z = At.Z };
        await SendAsync(new ClientFrame { Input = new Input { Seq = ++seq, X = At.X, Z = At.Z, State = MovementState.Walking } }, ct);
    }

    /// <summary>Reads until a snapshot shows the avatar at (x, z).</summary>
    public Task SeesAsync(uint avatarId, Vec3 at, TimeSpan wait, CancellationToken ct) =>
        WaitForAsync(f => f.Snapshot?.Cells.SelectMany(c => c.Avatars).Any(a => a.Id == avatarId && a.X == at.X && a.Z == at.Z) == true, wait, ct);

    private async Task SendAsync(ClientFrame frame, CancellationToken ct) =>
        await socket!.SendAsync(frame.ToByteArray(), WebSocketMessageType.Binary, true, ct);

    private async Task<ServerFrame> WaitForAsync(Func<ServerFrame, bool> match, TimeSpan wait, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(wait);
        var buffer = new byte[256 * 1024];
        while (true)
        {
            var count = 0;
            ValueWebSocketReceiveResult result;
            do
            {
                result = await socket!.ReceiveAsync(buffer.AsMemory(count), timeout.Token);
                if (result.MessageType == WebSocketMessageType.Close) throw new WebSocketException("closed by the server");
                count += result.Count;
            } while (!result.EndOfMessage);
            var frame = ServerFrame.Parser.ParseFrom(buffer, 0, count);
            if (match(frame)) return frame;
        }
    }

    public async ValueTask DisposeAsync()
    {
        socket?.Abort();
        socket?.Dispose();
        socket = null;
        await Task.CompletedTask;
    }
}
