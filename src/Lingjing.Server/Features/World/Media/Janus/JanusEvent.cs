using System.Text.Json;

namespace Lingjing.Server.Features.World.Media.Janus;

/// <summary>A WebRTC session description as Janus carries it next to a plugin message.</summary>
public sealed record JanusJsep(string Type, string Sdp);

/// <summary>One message from Janus for a handle. <see cref="Janus"/> is its kind ("event", "success", "webrtcup",
/// "hangup", "media", "slowlink", "detached"); <see cref="Data"/> is the plugin's answer (<c>plugindata.data</c>) when
/// there is one, else the whole message (so "media" and "slowlink" fields stay readable).</summary>
public sealed record JanusEvent(string Janus, JsonElement Data, JanusJsep? Jsep, string? Reason)
{
    internal static JanusEvent From(JsonElement message)
    {
        var data = message.TryGetProperty("plugindata", out var plugin) && plugin.TryGetProperty("data", out var d) ? d : message;
        JanusJsep? jsep = message.TryGetProperty("jsep", out var j) && j.ValueKind == JsonValueKind.Object
            ? new JanusJsep(j.GetProperty("type").GetString() ?? "", j.GetProperty("sdp").GetString() ?? "")
            : null;
        var reason = message.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
        return new JanusEvent(JanusJson.Kind(message), data, jsep, reason);
    }
}
