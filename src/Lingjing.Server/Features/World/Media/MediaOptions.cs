using Lingjing.World;

namespace Lingjing.Server.Features.World.Media;

/// <summary>The <c>Lingjing:Media</c> configuration section: voice and video between the people in a world.
/// Small groups' browsers connect their media directly to each other; the server only relays their negotiation
/// over the world connection and tells them which STUN and TURN servers to use. Larger groups go through a
/// Janus Gateway when one is configured.</summary>
public sealed class MediaOptions
{
    public const string Section = "Lingjing:Media";

    /// <summary>People within this distance hear each other and see each other's cameras and screens.</summary>
    public int HearingRadiusCm { get; set; } = 1_500;

    /// <summary>Direct connections a browser keeps at most, the nearest people first.</summary>
    public int PeerLimit { get; set; } = 6;

    /// <summary>In a meeting room, a forwarded group of at least this many people hears one mix of everyone's voices
    /// (Janus's AudioBridge) instead of one stream per speaker: a room of dozens costs each browser one voice to decode.
    /// Cameras and screens still come one feed each.</summary>
    public int MixFrom { get; set; } = 12;

    /// <summary>STUN and TURN servers for browsers behind NATs, e.g.
    /// <c>--Lingjing:Media:IceServers:0:Urls:0=turn:turn.example.org:3478</c> with <c>Username</c> and <c>Credential</c>.
    /// None (the default) connects people on the same network, as on a campus or in tests.</summary>
    public List<IceServerSetting> IceServers { get; set; } = [];

    /// <summary>The Janus Gateway's HTTP API, e.g. <c>http://127.0.0.1:8088/janus</c>: groups larger than
    /// <see cref="PeerLimit"/> send their media through its VideoRoom. None (the default): peer-to-peer only.</summary>
    public string? Janus { get; set; }

    /// <summary>Janus's <c>api_secret</c> (janus.jcfg), when it has one: Lingjing makes every request to Janus,
    /// browsers only exchange media with it.</summary>
    public string? JanusApiSecret { get; set; }

    /// <summary>The VideoRoom plugin's <c>admin_key</c> (janus.plugin.videoroom.jcfg), when it has one: needed to create rooms.</summary>
    public string? JanusAdminKey { get; set; }

    public WorldOptions ApplyTo(WorldOptions engine) => engine with
    {
        HearingRadiusCm = HearingRadiusCm,
        MediaPeerLimit = PeerLimit,
        IceServers = [.. IceServers.Select(s => new IceServerOptions([.. s.Urls], s.Username, s.Credential))],
    };
}

/// <summary>One STUN or TURN server (the fields of a browser's RTCIceServer).</summary>
public sealed class IceServerSetting
{
    public List<string> Urls { get; set; } = [];
    public string? Username { get; set; }
    public string? Credential { get; set; }
}
