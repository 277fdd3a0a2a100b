namespace Lingjing.Server.Tests.World.Media;

/// <summary>The Janus that ./test.sh starts on loopback (tools/janus/janus-loopback.sh). Tests that need it fail without it: they never skip.</summary>
public static class TestJanus
{
    public static Uri Endpoint => new(Required("LINGJING_TEST_JANUS"));
    public static string Secret => Required("LINGJING_TEST_JANUS_SECRET");
    public static string AdminKey => Required("LINGJING_TEST_JANUS_ADMIN_KEY");

    private static string Required(string variable) => Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException($"This test needs {variable}: run ./test.sh, which starts Janus on loopback (tools/janus/janus-loopback.sh) and sets it.");

    /// <summary>Settings of a server that forwards through this Janus groups larger than <paramref name="peerLimit"/>.</summary>
    public static Dictionary<string, string?> Settings(int peerLimit) => new()
    {
        ["Lingjing:Media:Janus"] = Endpoint.ToString(),
        ["Lingjing:Media:JanusApiSecret"] = Secret,
        ["Lingjing:Media:JanusAdminKey"] = AdminKey,
        ["Lingjing:Media:PeerLimit"] = peerLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>A WebRTC offer of one Opus stream, enough for Janus to answer (it never gets media from it).</summary>
    public static string AudioOffer(string direction = "sendonly")
    {
        var fingerprint = string.Join(':', Enumerable.Range(0, 32).Select(_ => Random.Shared.Next(256).ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));
        return string.Join("\r\n",
            "v=0", "o=- 1 2 IN IP4 127.0.0.1", "s=-", "t=0 0", "a=group:BUNDLE 0", "a=msid-semantic: WMS s",
            "m=audio 9 UDP/TLS/RTP/SAVPF 111", "c=IN IP4 0.0.0.0", "a=rtcp:9 IN IP4 0.0.0.0",
            "a=ice-ufrag:lgtest", "a=ice-pwd:lingjingtestpassword0123", "a=ice-options:trickle",
            "a=fingerprint:sha-256 " + fingerprint, "a=setup:actpass", "a=mid:0", "a=" + direction, "a=msid:s a", "a=rtcp-mux",
            "a=rtpmap:111 opus/48000/2", "a=fmtp:111 minptime=10;useinbandfec=1", "a=ssrc:11 cname:lingjing", "");
    }
}
