using System.Net.WebSockets;
using Google.Protobuf;
using Lingjing.World.Protocol;

namespace Lingjing.Server.Tests.WorldRealtime;

/// <summary>A world client over a real WebSocket, for tests: sends ClientFrames, reads ServerFrames and the close code.</summary>
public sealed class WorldTestClient : IAsyncDisposable
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(15);
    private readonly ClientWebSocket _socket = new();
    private uint _seq;

    public Welcome? Welcome { get; private set; }
    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;
    public string? CloseDescription => _socket.CloseStatusDescription;
    public WebSocketState State => _socket.State;

    public static Uri SocketUri(Uri baseAddress, string? query = null) =>
        new UriBuilder(baseAddress) { Scheme = "ws", Path = "/world/ws", Query = query ?? "" }.Uri;

    public static async Task<WorldTestClient> ConnectAsync(Uri baseAddress, string token)
    {
        var client = new WorldTestClient();
        client._socket.Options.SetRequestHeader("Authorization", "Bearer " + token);
        await client._socket.ConnectAsync(SocketUri(baseAddress), CancellationToken.None);
        return client;
    }

    /// <summary>Connects over a socket whose kernel receive buffer is <paramref name="receiveBufferBytes"/>:
    /// a client that stops reading then backs the server up after a few kilobytes instead of megabytes.</summary>
    public static async Task<WorldTestClient> ConnectWithSmallReceiveBufferAsync(Uri baseAddress, string token, int receiveBufferBytes)
    {
        var client = new WorldTestClient();
        client._socket.Options.SetRequestHeader("Authorization", "Bearer " + token);
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var tcp = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp)
                {
                    ReceiveBufferSize = receiveBufferBytes,
                    NoDelay = true,
                };
                await tcp.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new System.Net.Sockets.NetworkStream(tcp, ownsSocket: true);
            },
        };
        await client._socket.ConnectAsync(SocketUri(baseAddress), new HttpMessageInvoker(handler), CancellationToken.None);
        return client;
    }

    public static async Task<WorldTestClient> ConnectWithQueryTokenAsync(Uri baseAddress, string token)
    {
        var client = new WorldTestClient();
        await client._socket.ConnectAsync(SocketUri(baseAddress, "access_token=" + Uri.EscapeDataString(token)), CancellationToken.None);
        return client;
    }

    /// <summary>Connects, says Hello to the world and waits for Welcome.</summary>
    /// <param name="resumeAt">Where to stand, as a client reconnecting says where it stood.</param>
    public static async Task<WorldTestClient> JoinAsync(Uri baseAddress, string token, string worldId, Vec3? resumeAt = null)
    {
        var client = await ConnectAsync(baseAddress, token);
        await client.SendAsync(new ClientFrame { Hello = new Hello { WorldId = worldId, ProtocolVersion = 1, ResumeAt = resumeAt } });
        var welcome = await client.WaitForAsync(f => f.BodyCase == ServerFrame.BodyOneofCase.Welcome);
        client.Welcome = welcome.Welcome;
        return client;
    }

    public Task SendAsync(ClientFrame frame) => SendRawAsync(frame.ToByteArray());

    public async Task SendRawAsync(byte[] bytes, WebSocketMessageType type = WebSocketMessageType.Binary) =>
        await _socket.SendAsync(bytes, type, endOfMessage: true, CancellationToken.None);

    /// <summary>Sends the start of a message without its end.</summary>
    public async Task SendPartialAsync(byte[] bytes) =>
        await _socket.SendAsync(bytes, WebSocketMessageType.Binary, endOfMessage: false, CancellationToken.None);

    /// <summary>Drops the TCP connection without a close handshake.</summary>
    public void Abort() => _socket.Abort();

    /// <summary>Sends an Input moving this client's avatar to (x, z) on the ground.</summary>
    public Task MoveAsync(int x, int z) =>
        SendAsync(new ClientFrame { Input = new Input { Seq = ++_seq, X = x, Y = 0, Z = z, State = MovementState.Walking } });

    /// <summary>The next server frame, or null when the server closed the connection.</summary>
    public async Task<ServerFrame?> ReceiveAsync(TimeSpan? wait = null)
    {
        using var timeout = new CancellationTokenSource(wait ?? DefaultWait);
        var buffer = new byte[64 * 1024];
        var count = 0;
        ValueWebSocketReceiveResult result;
        do
        {
            result = await _socket.ReceiveAsync(buffer.AsMemory(count), timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close) return null;
            count += result.Count;
        } while (!result.EndOfMessage);
        return ServerFrame.Parser.ParseFrom(buffer, 0, count);
    }

    /// <summary>Reads frames until one matches; fails if the connection closes or the wait runs out first.</summary>
    public async Task<ServerFrame> WaitForAsync(Func<ServerFrame, bool> match, TimeSpan? wait = null)
    {
        var deadline = DateTime.UtcNow + (wait ?? DefaultWait);
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) throw new TimeoutException("The expected frame did not arrive.");
            var frame = await ReceiveAsync(left);
            if (frame is null) throw new InvalidOperationException($"The server closed the connection: {CloseStatus} {_socket.CloseStatusDescription}");
            if (match(frame)) return frame;
        }
    }

    /// <summary>Reads (and discards) frames until the server closes; returns the close code.</summary>
    public async Task<int?> WaitForCloseAsync(TimeSpan? wait = null)
    {
        var deadline = DateTime.UtcNow + (wait ?? DefaultWait);
        try
        {
            while (await ReceiveAsync(deadline - DateTime.UtcNow) is not null) { }
        }
        catch (WebSocketException)
        {
            // Dropped without a close frame: CloseStatus stays null.
        }
        return (int?)CloseStatus;
    }

    /// <summary>Whether a snapshot lists the avatar at (x, z).</summary>
    public static bool Shows(ServerFrame frame, uint avatarId, int x, int z) =>
        frame.BodyCase == ServerFrame.BodyOneofCase.Snapshot
        && frame.Snapshot.Cells.SelectMany(c => c.Avatars).Any(a => a.Id == avatarId && a.X == x && a.Z == z);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", timeout.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // Already gone.
        }
        _socket.Dispose();
    }
}
