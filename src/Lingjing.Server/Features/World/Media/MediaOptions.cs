using Lingjing.World;

namespace Lingjing.Server.Features.World.Media;

/// <summary>The <c>Lingjing:Media</c> configuration section: voice and video between the people in a world.
/// Browsers connect their media directly to each other; the server only relays their negotiation over the
/// world connection and tells them which STUN and TURN servers to use.</summary>
public sealed class MediaOptions
{
    public const string Section = "Lingjing:Media";

    /// <summary>People within this distance hear each other and see each other's cameras and screens.</summary>
    public int HearingRadiusCm { get; set; } = 1_500;

    /// <summary>Direct connections a browser keeps at most, the nearest people first.</summary>
    public int PeerLimit { get; set; } = 6;

    /// <summary>STUN and TURN servers for browsers behind NATs, e.g.
    /// <c>--Lingjing:Media:IceServers:0:Urls:0=turn:turn.example.org:3478</c> with <c>Username</c> and <c>Credential</c>.
    /// None (the default) connects people on the same network, as on a campus or in tests.</summary>
    public List<IceServerSetting> IceServers { get; set; } = [];

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
