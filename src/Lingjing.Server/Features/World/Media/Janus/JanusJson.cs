using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Lingjing.Server.Features.World.Media.Janus;

/// <summary>Reading and writing the Janus API's JSON.</summary>
internal static class JanusJson
{
    /// <summary>Plugin requests are snake_case (<c>admin_key</c>, <c>require_pvtid</c>): anonymous objects written that
    /// way keep their names, and C# records (<c>RequirePvtid</c>) get them. Absent optional fields are left out.</summary>
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static JsonNode? ToNode(object body) => body as JsonNode ?? JsonSerializer.SerializeToNode(body, body.GetType(), Options);

    /// <summary>The message's <c>janus</c> field: "success", "error", "ack", "event", "keepalive", ...</summary>
    public static string Kind(JsonElement message) =>
        message.ValueKind == JsonValueKind.Object && message.TryGetProperty("janus", out var kind) ? kind.GetString() ?? "" : "";

    /// <summary>The message's <c>transaction</c>, when it answers a request.</summary>
    public static string? Transaction(JsonElement message) =>
        message.TryGetProperty("transaction", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;

    /// <summary>The handle a message is for (<c>sender</c>), 0 for session-wide messages.</summary>
    public static long Sender(JsonElement message) =>
        message.TryGetProperty("sender", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt64() : 0;

    /// <summary>Throws a Janus API error (<c>"janus":"error"</c>).</summary>
    public static void ThrowIfError(JsonElement message)
    {
        if (Kind(message) != "error") return;
        var error = message.GetProperty("error");
        throw new JanusException(error.GetProperty("code").GetInt32(),
            error.TryGetProperty("reason", out var reason) ? reason.GetString() ?? "" : "");
    }

    /// <summary>Throws a plugin's error: plugins answer "success" or "event" with <c>error_code</c> and <c>error</c> in their data.</summary>
    public static void ThrowIfPluginError(JsonElement data)
    {
        if (data.ValueKind != JsonValueKind.Object || !data.TryGetProperty("error_code", out var code)) return;
        throw new JanusException(code.GetInt32(), data.TryGetProperty("error", out var error) ? error.GetString() ?? "" : "");
    }
}
