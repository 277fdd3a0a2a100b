using Lingjing.World.Protocol;

namespace Lingjing.World.Media;

/// <summary>
/// Decides whose media goes through the forwarder. Two people are linked when both are within hearing of each
/// other, neither is in do-not-disturb and at least one sends something: a browser would connect to them.
/// Someone linked to more people than the peer limit allows is in a large group, and so is everyone linked
/// to them: their media goes through the forwarder, everyone else's stays peer-to-peer.
/// </summary>
internal static class ForwardedGroups
{
    private const uint Sending = (uint)(MediaFlags.Microphone | MediaFlags.Camera | MediaFlags.Screen);

    /// <param name="around">The other avatars within hearing of one avatar.</param>
    /// <returns>The ids of the avatars whose media goes through the forwarder.</returns>
    public static HashSet<uint> Decide(IEnumerable<Avatar> avatars, Func<Avatar, IEnumerable<Avatar>> around, int peerLimit)
    {
        var links = new List<(Avatar A, Avatar B)>();
        var counts = new Dictionary<uint, int>();
        foreach (var sender in avatars)
        {
            if (!Sends(sender) || InDoNotDisturb(sender)) continue;
            foreach (var other in around(sender))
            {
                // Two senders find each other twice: count the pair once.
                if (other == sender || InDoNotDisturb(other) || Sends(other) && other.Id < sender.Id) continue;
                links.Add((sender, other));
                counts[sender.Id] = counts.GetValueOrDefault(sender.Id) + 1;
                counts[other.Id] = counts.GetValueOrDefault(other.Id) + 1;
            }
        }
        var forwarded = new HashSet<uint>();
        foreach (var (a, b) in links)
        {
            if (!Large(a, counts, peerLimit) && !Large(b, counts, peerLimit)) continue;
            forwarded.Add(a.Id);
            forwarded.Add(b.Id);
        }
        return forwarded;
    }

    /// <summary>Whether a room's forwarded group is large enough for its voices to be mixed (<see cref="WorldDefinition.MixVoicesFrom"/>);
    /// once mixed, it stays until it is two smaller than that, like the forwarding itself.</summary>
    public static bool Mixes(int? mixFrom, int forwarded, bool mixedNow) =>
        mixFrom is { } from && forwarded >= (mixedNow ? Math.Max(2, from - 1) : from);

    /// <summary>A group larger than the limit; once forwarded, it stays until it is two smaller,
    /// so a person stepping in and out at the edge does not switch everyone back and forth.</summary>
    private static bool Large(Avatar avatar, Dictionary<uint, int> counts, int peerLimit)
    {
        var threshold = avatar.Forwarded ? Math.Max(1, peerLimit - 2) : peerLimit;
        return counts[avatar.Id] + 1 > threshold;
    }

    private static bool Sends(Avatar avatar) => (avatar.MediaSent & Sending) != 0;

    private static bool InDoNotDisturb(Avatar avatar) => (avatar.MediaSent & (uint)MediaFlags.DoNotDisturb) != 0;
}
