using Lingjing.World.Protocol;

namespace Lingjing.World.Media;

/// <summary>
/// A selective forwarding unit (an SFU such as Janus) that carries the media of groups too large for direct
/// connections. The world decides who may send and receive what; the forwarder only carries it out.
/// </summary>
public interface ISelectiveForwarder
{
    /// <summary>Carries out one request of a party (publish, subscribe, answer, candidate, close) and returns
    /// the reply to send it, or null when there is none (a candidate, a close).</summary>
    Task<ForwarderSignal?> HandleAsync(ForwarderParty party, ForwarderSignal request, CancellationToken cancellationToken);

    /// <summary>An operator's mute of the party began or ended: its voice is left out of (or put back into) its room's
    /// voice mix, now and whenever it joins the mix again. (Voices forwarded one by one need no help here: their
    /// receivers do not play a silenced voice, which a mix would leave them no way to do.)</summary>
    Task SilenceAsync(ForwarderParty party, bool silenced, CancellationToken cancellationToken);

    /// <summary>Ends every connection of the party: it left the world or its forwarded group.</summary>
    Task LeaveAsync(ForwarderParty party, CancellationToken cancellationToken);

    /// <summary>Raised, on any thread, when the forwarder closed a connection of a party by itself
    /// (it restarted, the connection failed); the signal is a CLOSE for the party's client.</summary>
    event Action<ForwarderParty, ForwarderSignal>? Closed;
}

/// <summary>One avatar as the forwarder knows it: avatar ids are unique on a node, so the pair names one connection.</summary>
/// <param name="Room">The forwarder room of its world (or of the stage its world shares with others).</param>
public sealed record ForwarderParty(string Room, uint AvatarId, string DisplayName);
