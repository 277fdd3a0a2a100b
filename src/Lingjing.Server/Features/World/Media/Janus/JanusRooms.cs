using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Lingjing.Server.Features.World.Media.Janus;

/// <summary>
/// One room per world (or per stage that worlds share) in one Janus plugin (the VideoRoom for feeds, the AudioBridge for a
/// mix of voices), created by Lingjing on first use: a secret only Lingjing knows (nobody else can change or destroy it)
/// and an allowed list Lingjing keeps (a participant joins only with the token minted for it). What else the room is made
/// with is the plugin's own (<paramref name="settings"/>: in the VideoRoom, private ids required for subscriptions).
/// With a <paramref name="clusterKey"/> (the Janus api secret or admin key every node is configured with), a room's
/// number and secret are derived from it and the room's name, so every node of a cluster finds the same room: a shared
/// stage published through one node is received through any other.
/// </summary>
internal sealed class JanusRooms(JanusGateway gateway, string? adminKey, string plugin, Func<JanusRoom, string, JsonObject> settings,
    string? clusterKey = null) : IDisposable
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
            room = room is null ? NewRoom(worldId, generation) : room with { Generation = generation };
            if (!await ExistsAsync(admin, room, cancellationToken))
            {
                try
                {
                    await admin.RequestAsync(CreateRequest(room, worldId), cancellationToken);
                }
                catch (JanusException)
                {
                    // Another node of the cluster may have created the same room a moment before.
                    if (!await ExistsAsync(admin, room, cancellationToken)) throw;
                }
            }
            _rooms[worldId] = room;
            return room;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Whether a participant of the room publishes now (a feed published through any node).</summary>
    public async Task<bool> PublishesAsync(JanusRoom room, uint participant, CancellationToken cancellationToken)
    {
        var admin = await AdminAsync(cancellationToken);
        var listed = await admin.RequestAsync(new { request = "listparticipants", room = room.Number }, cancellationToken);
        if (!listed.TryGetProperty("participants", out var participants)) return false;
        foreach (var p in participants.EnumerateArray())
            if (p.TryGetProperty("id", out var id) && id.GetInt64() == participant && p.TryGetProperty("publisher", out var publishes) && publishes.GetBoolean())
                return true;
        return false;
    }

    private JanusRoom NewRoom(string name, int generation)
    {
        if (clusterKey is not { Length: > 0 })
            return new JanusRoom(RandomNumberGenerator.GetInt32(1, int.MaxValue), Convert.ToHexString(RandomNumberGenerator.GetBytes(16)), generation);
        var derived = HMACSHA256.HashData(Encoding.UTF8.GetBytes(clusterKey), Encoding.UTF8.GetBytes(plugin + "\n" + name));
        var number = (int)(BitConverter.ToUInt32(derived, 0) % (int.MaxValue - 1)) + 1;
        return new JanusRoom(number, Convert.ToHexString(derived, 4, 16), generation);
    }

    private static async Task<bool> ExistsAsync(JanusHandle admin, JanusRoom room, CancellationToken cancellationToken)
    {
        var exists = await admin.RequestAsync(new { request = "exists", room = room.Number }, cancellationToken);
        return exists.TryGetProperty("exists", out var found) && found.GetBoolean();
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
