using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Lingjing.Server.Features.World.Media.Janus;

/// <summary>
/// One room per world in one Janus plugin (the VideoRoom for feeds, the AudioBridge for a mix of voices), created by
/// Lingjing on first use: a secret only Lingjing knows (nobody else can change or destroy it) and an allowed list
/// Lingjing keeps (a participant joins only with the token minted for it). What else the room is made with is the
/// plugin's own (<paramref name="settings"/>: in the VideoRoom, private ids required for subscriptions).
/// </summary>
internal sealed class JanusRooms(JanusGateway gateway, string? adminKey, string plugin, Func<JanusRoom, string, JsonObject> settings) : IDisposable
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
                await admin.RequestAsync(CreateRequest(room, worldId), cancellationToken);
            _rooms[worldId] = room;
            return room;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The plugin's settings, and what every room of Lingjing's has: its number, secret, admin key and an empty allowed list.</summary>
    private JsonObject CreateRequest(JanusRoom room, string worldId)
    {
        var request = settings(room, worldId);
        request["request"] = "create";
        request["room"] = room.Number;
        request["admin_key"] = adminKey;
        request["secret"] = room.Secret;
        request["description"] = "Lingjing " + worldId;
        request["is_private"] = true;
        request["allowed"] = new JsonArray();
        return request;
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

    /// <summary>Mutes or unmutes one participant of an AudioBridge room with the room's secret: the participant cannot undo it.</summary>
    public async Task SetMutedAsync(JanusRoom room, long participant, bool muted, CancellationToken cancellationToken)
    {
        var admin = await AdminAsync(cancellationToken);
        await admin.RequestAsync(new { request = muted ? "mute" : "unmute", room = room.Number, secret = room.Secret, id = participant },
            cancellationToken);
    }

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
        _admin ??= await gateway.AttachAsync(plugin, cancellationToken);
}

/// <summary>A room Lingjing created; the generation tells whether it was made before Janus last lost our session.</summary>
internal sealed record JanusRoom(int Number, string Secret, int Generation);
