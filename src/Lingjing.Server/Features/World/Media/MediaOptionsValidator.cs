using Lingjing.Server.Infrastructure.Options;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.World.Media;

/// <summary>Checks <c>Lingjing:Media</c> at start: a TURN server without credentials or a URL of another scheme
/// would only show up as people who cannot hear each other.</summary>
public sealed class MediaOptionsValidator : IValidateOptions<MediaOptions>
{
    private static readonly string[] Schemes = ["stun:", "stuns:", "turn:", "turns:"];

    public ValidateOptionsResult Validate(string? name, MediaOptions o)
    {
        var check = new SettingsCheck(MediaOptions.Section)
            .AtLeast(o.HearingRadiusCm, 100, "HearingRadiusCm", " cm")
            .Require(o.PeerLimit is >= 1 and <= 16, "PeerLimit", $"must be from 1 to 16 connections (got {o.PeerLimit}).")
            .Require(o.MixFrom is >= 2 and <= 500, "MixFrom", $"must be from 2 to 500 people (got {o.MixFrom}).");
        if (!string.IsNullOrEmpty(o.Janus))
            check.Require(Uri.TryCreate(o.Janus, UriKind.Absolute, out var janus) && janus.Scheme is "http" or "https", "Janus",
                $"'{o.Janus}' is not the http(s) URL of Janus's HTTP API, e.g. http://127.0.0.1:8088/janus.");
        for (var i = 0; i < o.IceServers.Count; i++)
        {
            var server = o.IceServers[i];
            check.Require(server.Urls.Count > 0, $"IceServers:{i}:Urls", "needs at least one URL, e.g. turn:turn.example.org:3478.");
            foreach (var url in server.Urls)
                check.Require(Schemes.Any(s => url.StartsWith(s, StringComparison.OrdinalIgnoreCase)), $"IceServers:{i}:Urls",
                    $"'{url}' is not a STUN or TURN URL (stun:, stuns:, turn: or turns:).");
            var turn = server.Urls.Any(u => u.StartsWith("turn", StringComparison.OrdinalIgnoreCase));
            check.Require(!turn || !string.IsNullOrEmpty(server.Username) && !string.IsNullOrEmpty(server.Credential), $"IceServers:{i}",
                "a TURN server needs a Username and a Credential.");
        }
        return check.Result();
    }
}
