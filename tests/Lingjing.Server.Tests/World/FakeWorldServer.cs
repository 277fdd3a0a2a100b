using System.Collections.Concurrent;
using System.Net.WebSockets;
using Google.Protobuf;
using Lingjing.World.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Lingjing.Server.Tests.World;

/// <summary>Stands in for the engine's /world/ws endpoint in browser tests of the world client: speaks
/// the protocol (Welcome, history, profiles, a snapshot every 100 ms with your avatar and a bot at
/// <see cref="BotX"/>), records every client frame and lets the test send or close at will.</summary>
public sealed class FakeWorldServer : IStartupFilter, IDisposable
{
    public const uint SelfId = 1;
    public const uint BotId = 2;

    private WebSocket? socket;
    private readonly SemaphoreSlim sending = new(1, 1); // a WebSocket allows one send at a time
    private uint tick;
    private Vec3 self = new();

    public ConcurrentQueue<ClientFrame> Received { get; } = new();
    public int Connections;
    /// <summary>Where the bot stands, metres east of the park's centre.</summary>
    public double BotX { get; set; }
    public bool BotPresent { get; set; } = true;

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseWebSockets();
        app.Use(async (http, nextMiddleware) =>
        {
            if (http.Request.Path == "/world/ws" && http.WebSockets.IsWebSocketRequest)
                await ServeAsync(await http.WebSockets.AcceptWebSocketAsync(), http.RequestAborted);
            else
                await nextMiddleware(http);
        });
        next(app);
    };

    public async Task SendAsync(ServerFrame frame)
    {
        await sending.WaitAsync();
        try
        {
            if (socket is { State: WebSocketState.Open } open)
                await open.SendAsync(frame.ToByteArray(), WebSocketMessageType.Binary, true, CancellationToken.None);
        }
        catch (WebSocketException) { }
        finally
        {
            sending.Release();
        }
    }

    /// <summary>Drops the connection as a server that fails would (1011), so the client reconnects.</summary>
    public async Task FailAsync()
    {
        await sending.WaitAsync();
        try
        {
            if (socket is { State: WebSocketState.Open } open)
                await open.CloseOutputAsync(WebSocketCloseStatus.InternalServerError, "test", CancellationToken.None);
        }
        finally
        {
            sending.Release();
        }
    }

    private async Task ServeAsync(WebSocket webSocket, CancellationToken aborted)
    {
        var hello = ClientFrame.Parser.ParseFrom(await ReceiveAsync(webSocket, aborted) ?? []);
        Received.Enqueue(hello);
        socket = webSocket;
        Interlocked.Increment(ref Connections);
        var now = (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await SendAsync(new ServerFrame { Welcome = new Welcome
        {
            AvatarId = SelfId, WorldId = hello.Hello.WorldId, ProtocolVersion = 1, TickRateHz = 10, ViewRadiusCm = 10_000, CellSizeCm = 5_000,
            Bounds = new Bounds { MinX = -100_000, MinZ = -100_000, MaxX = 100_000, MaxZ = 100_000, MaxY = 10_000 },
            Spawn = new Vec3(), MaxSpeedCmPerS = 1_000, ServerTimeMs = now, Population = 2, ChatRadiusCm = 2_000,
            Limits = new Limits { MaxChatChars = 280, MaxEmote = 4, MaxFrameBytes = 2048 }, InterestManagement = true,
        } });
        await SendAsync(new ServerFrame { ChatHistory = new ChatHistory { Messages = { new ChatMessage
        {
            Id = 1, SenderId = BotId, SenderName = "Bot Li", Scope = ChatScope.World, Text = "<b>welcome</b> from history", ServerTimeMs = now,
        } } } });
        await SendAsync(new ServerFrame { AvatarsJoined = new AvatarsJoined { Avatars =
        {
            new AvatarProfile { Id = SelfId, DisplayName = "walker" },
            new AvatarProfile { Id = BotId, DisplayName = "Bot Li", Look = new AvatarLook { BodyColor = 0xf0c0a0, OutfitColor = 0x3050c0 } },
        } } });

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        var ticks = TickAsync(stop.Token);
        try
        {
            while (await ReceiveAsync(webSocket, aborted) is { } bytes)
            {
                var frame = ClientFrame.Parser.ParseFrom(bytes);
                Received.Enqueue(frame);
                if (frame.Input is { } input) self = new Vec3 { X = input.X, Y = input.Y, Z = input.Z };
                if (frame.Chat is { } chat)
                    await SendAsync(new ServerFrame { Chat = new ChatMessage
                    {
                        Id = (ulong)Received.Count + 100, SenderId = SelfId, SenderName = "walker", Scope = chat.Scope, Text = chat.Text,
                        ServerTimeMs = (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
                    } });
            }
        }
        catch (WebSocketException) { }
        finally
        {
            await stop.CancelAsync();
            await ticks;
        }
    }

    private async Task TickAsync(CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var cell = new CellBatch { CellX = 0, CellZ = 0, Avatars = { new AvatarState { Id = SelfId, X = self.X, Z = self.Z } } };
                if (BotPresent) cell.Avatars.Add(new AvatarState { Id = BotId, X = (int)Math.Round(BotX * 100), Z = 500, State = MovementState.Walking });
                await SendAsync(new ServerFrame { Snapshot = new Snapshot
                {
                    Tick = ++tick, ServerTimeMs = (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), Full = true, Cells = { cell },
                } });
                await Task.Delay(100, stop);
            }
        }
        catch (OperationCanceledException) { }
        catch (WebSocketException) { }
    }

    private static async Task<byte[]?> ReceiveAsync(WebSocket webSocket, CancellationToken aborted)
    {
        var buffer = new byte[4096];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await webSocket.ReceiveAsync(buffer, aborted);
            if (result.MessageType == WebSocketMessageType.Close) return null;
            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage) return message.ToArray();
        }
    }

    public void Dispose() => sending.Dispose();
}
