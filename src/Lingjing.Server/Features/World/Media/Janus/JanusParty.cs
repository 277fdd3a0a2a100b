using Lingjing.World.Media;
using Lingjing.World.Protocol;

namespace Lingjing.Server.Features.World.Media.Janus;

/// <summary>
/// One avatar in its world's VideoRoom: the publisher handle it joined with (and the private id that lets it
/// subscribe), what it publishes on which media line, one subscriber handle per feed it receives, and in a room
/// that mixes voices its connection to the AudioBridge mix.
/// Its requests run one after another, in the order the client sent them.
/// </summary>
internal sealed class JanusParty(ForwarderParty who)
{
    private readonly Lock _gate = new();
    private Task _tail = Task.CompletedTask;

    public ForwarderParty Who { get; } = who;
    public JanusRoom? Room { get; set; }
    public string? Token { get; set; }
    public JanusHandle? Publisher { get; set; }
    public long PrivateId { get; set; }
    public bool Publishing { get; set; }
    public Dictionary<string, MediaTrackKind> PublishedTracks { get; } = new(StringComparer.Ordinal);
    public Dictionary<uint, JanusHandle> Subscriptions { get; } = [];

    /// <summary>The connection to the room's voice mix (AudioBridge), with the room and token it joined with.</summary>
    public JanusHandle? Mix { get; set; }
    public JanusRoom? MixRoom { get; set; }
    public string? MixToken { get; set; }
    /// <summary>An operator's mute: the voice is kept out of the mix (Janus mutes it; the browser cannot undo that).</summary>
    public bool MixSilenced { get; set; }

    /// <summary>Runs work after everything this party asked for before.</summary>
    public Task<T> Serialize<T>(Func<Task<T>> work)
    {
        lock (_gate)
        {
            var next = _tail.ContinueWith(_ => work(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
            _tail = next;
            return next;
        }
    }

    /// <summary>Forgets the handles (Janus lost them, or they were detached); what was open is returned for telling the client.</summary>
    public uint[] Reset()
    {
        var open = Subscriptions.Keys.ToList();
        if (Publishing) open.Insert(0, ForwarderFeeds.Sending);
        if (Mix is not null) open.Add(ForwarderFeeds.Mix);
        (Mix, MixRoom, MixToken) = (null, null, null);
        Publisher = null;
        PrivateId = 0;
        Publishing = false;
        Room = null;
        Token = null;
        PublishedTracks.Clear();
        Subscriptions.Clear();
        return [.. open];
    }
}
