using Lingjing.World.Protocol;
using Lingjing.World.Sessions;

namespace Lingjing.World;

/// <summary>The authoritative state of one avatar connected to this node. Tick thread only.</summary>
internal sealed class Avatar
{
    public Avatar(uint id, WorldSession session, AvatarProfile profile, PositionCm position, long now)
    {
        Id = id;
        Session = session;
        Profile = profile;
        Position = position;
        LastMovedAt = now;
        Wire = new AvatarState { Id = id };
    }

    public uint Id { get; }
    public WorldSession Session { get; }
    public AvatarProfile Profile { get; }
    public PositionCm Position { get; set; }
    public uint Heading { get; set; }
    public MovementState State { get; set; }
    public int CellIndex { get; set; } = -1;
    public uint AckedInputSeq { get; set; }
    public long LastMovedAt { get; set; }

    /// <summary>What the client says it sends (<see cref="MediaFlags"/> bits from its MediaState).</summary>
    public uint MediaSent { get; set; }

    /// <summary>What others see: <see cref="MediaSent"/>, plus <see cref="MediaFlags.Silenced"/> while an operator's mute lasts
    /// and <see cref="MediaFlags.Forwarded"/> while <see cref="Forwarded"/>.</summary>
    public uint Media { get; set; }

    /// <summary>In a group too large for direct connections: its media goes through the forwarder.</summary>
    public bool Forwarded { get; set; }

    /// <summary>Heard by everyone in the world whatever the distance (on a hall's stage, or given the microphone):
    /// <see cref="VirtualWorld.Amplify"/>.</summary>
    public bool Amplified { get; set; }

    /// <summary>Forwarded in a room that mixes voices (<see cref="WorldDefinition.MixVoicesFrom"/>): its voice goes through the mix.</summary>
    public bool Mixed { get; set; }

    /// <summary>The avatar has (or is negotiating) its connection to the room's voice mix.</summary>
    public bool InMix { get; set; }

    /// <summary>Whether the forwarder was last told this avatar is silenced (an operator's mute), so that its voice stays out
    /// of the room's mix.</summary>
    public bool SilencedAtForwarder { get; set; }

    /// <summary>The forwarder holds something of this avatar's (a sending connection, subscriptions): it must be told when it leaves.</summary>
    public bool KnownToForwarder { get; set; }

    /// <summary>Feeds (avatar ids) this avatar receives through the forwarder.</summary>
    public HashSet<uint> Feeds { get; } = [];

    /// <summary>Reused for encoding so a tick allocates no per-avatar objects.</summary>
    public AvatarState Wire { get; }

    public AvatarState RefreshWire()
    {
        Wire.X = Position.X;
        Wire.Y = Position.Y;
        Wire.Z = Position.Z;
        Wire.Heading = Heading;
        Wire.State = State;
        Wire.Media = Media;
        return Wire;
    }
}
