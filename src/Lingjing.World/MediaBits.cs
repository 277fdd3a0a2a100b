using Lingjing.World.Protocol;

namespace Lingjing.World;

/// <summary>Translates between the protocol's media messages and the bits and settings the world keeps.</summary>
internal static class MediaBits
{
    public static uint Of(MediaState state) =>
        (state.Microphone ? (uint)MediaFlags.Microphone : 0)
        | (state.Camera ? (uint)MediaFlags.Camera : 0)
        | (state.Screen ? (uint)MediaFlags.Screen : 0)
        | (state.Speaking ? (uint)MediaFlags.Speaking : 0)
        | (state.DoNotDisturb ? (uint)MediaFlags.DoNotDisturb : 0);

    public static MediaSettings Settings(WorldOptions options, int hearingRadiusCm, bool forwarder)
    {
        var settings = new MediaSettings
        {
            HearingRadiusCm = (uint)hearingRadiusCm, PeerLimit = (uint)options.MediaPeerLimit, Forwarder = forwarder,
        };
        foreach (var server in options.IceServers)
        {
            var ice = new IceServer { Username = server.Username ?? "", Credential = server.Credential ?? "" };
            ice.Urls.AddRange(server.Urls);
            settings.IceServers.Add(ice);
        }
        return settings;
    }
}
