using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Lingjing.Server.Features.World.Media.Janus;

/// <summary>
/// One VideoRoom per world, created by Lingjing on first use: a secret only Lingjing knows (nobody else can
/// change or destroy it), an allowed list Lingjing keeps (a publisher joins only with the token minted for it),
/// and private ids required for subscriptions (only someone who joined can receive).
/// </summary>
internal sealed class JanusRooms(JanusGateway gateway, string? adminKey) : IDisposable
{
    private readonly ConcurrentDictionary<string, JanusRoom> _rooms = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private JanusHandle? _admin;
    private int _generation;

    /// <summary>The room of a world, created (or re-created after Janus restarted) when needed.</summary>
    public async Task<JanusRoom> RoomOfAsync(string worldId, CancellationToken cancellationToken)
    {
        if (_rooms.TryGetValue(worldId, out var room) && room.Generation == Volatile.Read(ref _generation)) return room;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var generation = Volatile.Read(ref _generation);
            if (_rooms.TryGetValue(worldId, out room) && room.Generation == generation) return room;
            var admin = await AdminAsync(cancellationToken);
            room = room is null
                ? new JanusRoom(RandomNumberGenerator.GetInt32(1, int.MaxValue), Convert.ToHexString(RandomNumberGenerator.GetBytes(16)), generation)
                : room with { Generation = generation };
            var exists = await admin.RequestAsync(new { request = "exists", room = room.Number }, cancellationToken);
            if (!exists.TryGetProperty("exists", out var found) || !found.GetBoolean())
                await admin.RequestAsync(new
                {
                    request = "create",
                    room = room.Number,
                    admin_key = adminKey,
                    secret = room.Secret,
                    description = "Lingjing " + worldId,
                    is_private = true,
                    require_pvtid = true,
                    publishers = 100,
                    bitrate = 1_200_000,
                    audiocodec = "opus",
                    videocodec = "vp8",
                    allowed = Array.Empty<string>(),
                }, cancellationToken);
            _rooms[worldId] = room;
            return room;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Mints a token for one publisher and puts it on the room's allowed list.</summary>
    public async Task<string> AllowAsync(JanusRoom room, CancellationToken cancellationToken)
    {
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        await ChangeAllowedAsync(room, "add", token, cancellationToken);
        return token;
    }

    public async Task DisallowAsync(JanusRoom room, string token, CancellationToken cancellationToken) =>
        await ChangeAllowedAsync(room, "remove", token, cancellationToken);

    public void Dispose() => _gate.Dispose();

    /// <summary>Janus lost our session (it restarted, or the session timed out): handles are gone, rooms may be.</summary>
    public void SessionLost()
    {
        _admin = null;
        Interlocked.Increment(ref _generation);
    }

    private async Task ChangeAllowedAsync(JanusRoom room, string action, string token, CancellationToken cancellationToken)
    {
        var admin = await AdminAsync(cancellationToken);
        await admin.RequestAsync(new { request = "allowed", room = room.Number, secret = room.Secret, action, allowed = new[] { token } },
            cancellationToken);
    }

    private async Task<JanusHandle> AdminAsync(CancellationToken cancellationToken) =>
        _admin ??= await gateway.AttachAsync(JanusForwarder.VideoRoom, cancellationToken);
}

/// <summary>A VideoRoom Lingjing created; the generation tells whether it was made before Janus last lost our session.</summary>
internal sealed record JanusRoom(int Number, string Secret, int Generation);
