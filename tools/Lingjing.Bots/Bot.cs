using System.Diagnostics;
using System.Net.WebSockets;
using Google.Protobuf;
using Lingjing.World.Protocol;

namespace Lingjing.Bots;

/// <summary>
/// One simulated user: a WebSocket, a walker that sends Input only while moving, and a receive loop
/// that counts bytes and snapshot ticks; observers also decode every avatar to time moves.
/// Counters have a single writer (this bot's loops) and are read by the reporter.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "A bot lives as long as the load run; its socket is closed by CloseAsync and the process ends.")]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA2012", Justification = "One send is in flight at a time; the stored ValueTask is awaited exactly once before the next send.")]
public sealed class Bot(int index, BotSwarm swarm, bool observer)
{
    private const int WalkSpeedMinCmPerS = 110, WalkSpeedMaxCmPerS = 170;
    /// <summary>Avatars this close to an observer count as "near" (people one talks to) in the latency figures.</summary>
    private const int NearCm = 2_000;
    private readonly ClientWebSocket _socket = new();
    private readonly Random _random = new(index * 7919 + 17);
    private readonly Dictionary<uint, (long Position, long Move, uint Tick)> _lastSeen = new();
    /// <summary>An avatar not shown for more server ticks than this was out of view: its moves meanwhile are not counted.</summary>
    private const uint OutOfViewTicks = 10;
    private readonly Dictionary<long, int> _cellCounts = new();
    /// <summary>Cells already met in the snapshot being read: when nodes share a world one cell comes as several
    /// batches, which together replace it.</summary>
    private readonly HashSet<long> _cellsInSnapshot = new();
    private readonly ClientFrame _frame = new() { Input = new Input() };
    private readonly byte[] _sendBuffer = new byte[64];
    private ValueTask _pendingSend;
    private uint _seq;
    private uint _lastTick;
    private int _x, _z, _targetX, _targetZ, _home, _speed;
    private long _idleUntil;
    private bool _moving;

    public int Index { get; } = index;
    public bool IsObserver { get; } = observer;
    public uint AvatarId { get; private set; }
    public (int X, int Z) Spawn { get; private set; }
    public Welcome? Welcome { get; private set; }
    public MoveLog Moves { get; } = new();
    public bool Connected => Welcome is not null && _socket.State == WebSocketState.Open;
    /// <summary>The world it entered (a hall's instance, with --hall).</summary>
    public string World { get; private set; } = "";
    /// <summary>Sits where it arrived and sends nothing (the audience of a hall).</summary>
    public bool Still { get; set; }
    /// <summary>Moves of the hall's speaker this observer saw while measuring.</summary>
    public long StageMovesSeen;

    public long BytesReceived;
    public long FramesReceived;
    public long Snapshots;
    public long TickGaps;
    public long InputsSent;
    public long InputsSkipped;
    public int AvatarsInView;
    public int? CloseCode;
    public string? Error;

    public async Task ConnectAsync(Uri url, string worldId, string token, HttpMessageInvoker invoker, CancellationToken cancellationToken)
    {
        _socket.Options.SetRequestHeader("Authorization", "Bearer " + token);
        _socket.Options.SetBuffer(4096, 1024);
        _socket.Options.KeepAliveInterval = TimeSpan.Zero;
        var ws = new UriBuilder(url) { Scheme = url.Scheme == "https" ? "wss" : "ws", Path = "/world/ws" }.Uri;
        await _socket.ConnectAsync(ws, invoker, cancellationToken);
        World = worldId;
        var hello = new ClientFrame { Hello = new Hello { WorldId = worldId, ProtocolVersion = 1 } };
        await _socket.SendAsync(hello.ToByteArray(), WebSocketMessageType.Binary, true, cancellationToken);
        _ = Task.Run(ReceiveLoopAsync, CancellationToken.None);
    }

    public void StartWalking(WalkPlan plan)
    {
        (_x, _z) = Spawn;
        _home = plan.NearestAttraction(_x, _z);
        _speed = _random.Next(WalkSpeedMinCmPerS, WalkSpeedMaxCmPerS);
        _idleUntil = Stopwatch.GetTimestamp() + (long)(_random.NextDouble() * 3 * Stopwatch.Frequency);
    }

    /// <summary>Advances the walk by one input period and sends Input if the bot moved (scheduler thread only).</summary>
    public void Step(WalkPlan plan, double seconds, long now)
    {
        if (!Connected || Still) return;
        if (!_moving)
        {
            if (now < _idleUntil) return;
            (_targetX, _targetZ) = plan.NextWaypoint(_random, ref _home);
            _moving = true;
        }
        double dx = _targetX - _x, dz = _targetZ - _z;
        var distance = Math.Sqrt(dx * dx + dz * dz);
        var step = _speed * seconds;
        var state = MovementState.Walking;
        if (distance <= step)
        {
            _x = _targetX;
            _z = _targetZ;
            _moving = false;
            state = MovementState.Idle;
            _idleUntil = now + (long)((2 + _random.NextDouble() * 8) * Stopwatch.Frequency); // linger 2-10 s
        }
        else
        {
            _x += (int)(dx / distance * step);
            _z += (int)(dz / distance * step);
        }
        var heading = (uint)((Math.Atan2(dx, dz) / (2 * Math.PI) + 1) % 1 * 65536) & 0xFFFF;
        Send(state, heading, now);
    }

    private void Send(MovementState state, uint heading, long now)
    {
        if (!_pendingSend.IsCompleted)
        {
            InputsSkipped++;
            return;
        }
        var input = _frame.Input;
        input.Seq = ++_seq;
        input.ClientTimeMs = (uint)Environment.TickCount;
        input.X = _x;
        input.Y = 0;
        input.Z = _z;
        input.Heading = heading;
        input.State = state;
        var length = _frame.CalculateSize();
        _frame.WriteTo(_sendBuffer.AsSpan(0, length));
        Moves.Record(MoveLog.Key(_x, _z), now);
        try
        {
            _pendingSend = _socket.SendAsync(_sendBuffer.AsMemory(0, length), WebSocketMessageType.Binary, true, CancellationToken.None);
            InputsSent++;
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            Error ??= ex.Message;
        }
    }

    public void Abort() => _socket.Abort();

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[8192];
        try
        {
            while (true)
            {
                var count = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    if (count == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
                    result = await _socket.ReceiveAsync(buffer.AsMemory(count), CancellationToken.None);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        CloseCode = (int?)_socket.CloseStatus;
                        return;
                    }
                    count += result.Count;
                } while (!result.EndOfMessage);
                BytesReceived += count;
                FramesReceived++;
                Handle(buffer.AsSpan(0, count));
            }
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            if (!swarm.Stopping) Error ??= ex.Message;
        }
        catch (FormatException ex)
        {
            Error ??= "undecodable frame: " + ex.Message;
        }
    }

    private void Handle(ReadOnlySpan<byte> frame)
    {
        if (frame.IsEmpty) return;
        switch (frame[0])
        {
            case 0x12: // ServerFrame.snapshot
                var reader = new WireReader(frame);
                reader.ReadTag();
                ReadSnapshot(reader.ReadBytes());
                break;
            case 0x0A: // ServerFrame.welcome
                var welcome = ServerFrame.Parser.ParseFrom(frame).Welcome;
                AvatarId = welcome.AvatarId;
                Spawn = (welcome.Spawn.X, welcome.Spawn.Z);
                Welcome = welcome;
                swarm.Welcomed(this);
                break;
        }
    }

    private void ReadSnapshot(ReadOnlySpan<byte> snapshot)
    {
        Snapshots++;
        var reader = new WireReader(snapshot);
        var now = Stopwatch.GetTimestamp();
        var full = false;
        _cellsInSnapshot.Clear();
        while (!reader.End)
        {
            var (field, wireType) = reader.ReadTag();
            switch (field)
            {
                case 1:
                    var tick = (uint)reader.ReadVarint();
                    if (_lastTick != 0 && tick > _lastTick + 1) TickGaps += tick - _lastTick - 1;
                    _lastTick = tick;
                    if (!IsObserver) return;
                    break;
                case 2:
                    swarm.ServerTime(reader.ReadVarint(), IsObserver);
                    break;
                case 4:
                    full = reader.ReadVarint() != 0;
                    if (full) _cellCounts.Clear();
                    break;
                case 5:
                    _cellCounts.Remove(ReadCell(reader.ReadBytes(), out _));
                    break;
                case 6:
                    ReadCellBatch(reader.ReadBytes(), now);
                    break;
                default:
                    reader.Skip(wireType);
                    break;
            }
        }
        var inView = 0;
        foreach (var count in _cellCounts.Values) inView += count;
        AvatarsInView = Math.Max(0, inView - 1);
    }

    private static long ReadCell(ReadOnlySpan<byte> coord, out int avatars)
    {
        avatars = 0;
        var reader = new WireReader(coord);
        ulong x = 0, z = 0;
        while (!reader.End)
        {
            var (field, wireType) = reader.ReadTag();
            if (field == 1) x = reader.ReadVarint();
            else if (field == 2) z = reader.ReadVarint();
            else reader.Skip(wireType);
        }
        return (long)(x << 32 | z);
    }

    private void ReadCellBatch(ReadOnlySpan<byte> batch, long now)
    {
        var reader = new WireReader(batch);
        ulong x = 0, z = 0;
        var avatars = 0;
        while (!reader.End)
        {
            var (field, wireType) = reader.ReadTag();
            switch (field)
            {
                case 1: x = reader.ReadVarint(); break;
                case 2: z = reader.ReadVarint(); break;
                case 3:
                    avatars++;
                    ReadAvatar(reader.ReadBytes(), now);
                    break;
                default: reader.Skip(wireType); break;
            }
        }
        var key = (long)(x << 32 | z);
        _cellCounts[key] = _cellsInSnapshot.Add(key) ? avatars : _cellCounts.GetValueOrDefault(key) + avatars;
    }

    private void ReadAvatar(ReadOnlySpan<byte> state, long now)
    {
        var reader = new WireReader(state);
        uint id = 0;
        int x = 0, z = 0;
        while (!reader.End)
        {
            var (field, wireType) = reader.ReadTag();
            switch (field)
            {
                case 1: id = (uint)reader.ReadVarint(); break;
                case 2: x = reader.ReadSInt32(); break;
                case 4: z = reader.ReadSInt32(); break;
                default: reader.Skip(wireType); break;
            }
        }
        if (id == AvatarId) return;
        var position = MoveLog.Key(x, z);
        var seenBefore = _lastSeen.TryGetValue(id, out var previous);
        if (seenBefore && previous.Position == position)
        {
            _lastSeen[id] = (previous.Position, previous.Move, _lastTick);
            return;
        }
        var moves = swarm.MovesOf(id);
        var number = moves?.NumberOf(position) ?? 0;
        if (number > 0 && seenBefore && number > previous.Move && _lastTick - previous.Tick <= OutOfViewTicks)
        {
            // This move and every earlier one this observer had not seen arrive now: a move superseded
            // before the server sent it still waited until now for its effect to be seen.
            double dx = x - _x, dz = z - _z;
            var near = dx * dx + dz * dz <= NearCm * NearCm;
            var crossNode = id >> 24 != AvatarId >> 24;
            var otherWorld = swarm.WorldOf(id) is { } world && world != World;
            if (id == swarm.SpeakerId) StageMovesSeen++;
            moves!.SentBetween(previous.Move > 0 ? previous.Move : number - 1, number,
                sent => swarm.MoveSeen(Stopwatch.GetElapsedTime(sent, now).TotalMilliseconds, near, crossNode, otherWorld));
        }
        _lastSeen[id] = (position, number > 0 ? number : previous.Move, _lastTick);
    }
}
