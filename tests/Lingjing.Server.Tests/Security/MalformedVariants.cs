using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Lingjing.Server.Tests.Security;

/// <summary>Malformed values for parameters and bodies: wrong types, lengths, encodings and boundaries.</summary>
public static class MalformedVariants
{
    /// <summary>Query and path values, already percent-encoded where they need to be.</summary>
    public static readonly IReadOnlyList<string> Values =
    [
        "", "abc", "-1", "0", "2147483648", "-2147483649", "99999999999999999999999", "1.7e308", "-1.7e308", "1e-400",
        "NaN", "Infinity", "-Infinity", "true", "null", "%5B%5D", "%7B%7D",
        "0001-01-01", "9999-12-31", "0001-01-01T00%3A00%3A00Z", "9999-12-31T23%3A59%3A59Z",
        "0001-01-01T00%3A00%3A00%2B14%3A00", "9999-12-31T23%3A59%3A59-14%3A00", "2026-13-45T25%3A61%3A00Z", "P99999999D",
        new string('a', 5000), "%00", "%1B%5B31m", "%E2%80%AEevil", "%ED%A0%80", "%FF%FE", "%C0%AF",
        "..%2F..%2Fetc%2Fpasswd", "%27%20OR%201%3D1%20--", "dtmi%3A%3B", "%F0%9F%8E%A8",
    ];

    /// <summary>Whole request bodies sent as JSON.</summary>
    public static readonly IReadOnlyList<string> JsonBodies =
    [
        "", "not json", "{", "null", "[]", "\"text\"", "1e999", "{\"a\":NaN}", "{\"a\":Infinity}",
        new string('[', 5000) + new string(']', 5000), "{\"x\":\"\\ud800\"}", "{\"x\":\"\u0000\"}",
    ];

    /// <summary>Stands for a lone surrogate, which System.Text.Json will not write: replaced in the JSON text by <c>\ud800</c>.</summary>
    public const string LoneSurrogate = "@@lone-surrogate@@";

    /// <summary>Values put in place of one property of an otherwise plausible JSON body.</summary>
    public static IEnumerable<JsonNode?> PropertyValues()
    {
        yield return null;
        yield return JsonValue.Create("abc");
        yield return JsonValue.Create("");
        yield return JsonValue.Create(new string('x', 100_000));
        yield return JsonValue.Create(LoneSurrogate);
        yield return JsonValue.Create("\u0000\u0007\u001b[31m control");
        yield return JsonValue.Create("\u202e\u2066 bidi");
        yield return JsonValue.Create(-1);
        yield return JsonValue.Create(0);
        yield return JsonValue.Create(2147483648L);
        yield return JsonValue.Create(1.7e308);
        yield return JsonValue.Create(-1.7e308);
        yield return JsonValue.Create(true);
        yield return JsonValue.Create("0001-01-01T00:00:00Z");
        yield return JsonValue.Create("9999-12-31T23:59:59-14:00");
        yield return JsonValue.Create("0001-01-01");
        yield return JsonValue.Create("9999-12-31");
        yield return new JsonArray(JsonValue.Create(1), JsonValue.Create("x"));
        yield return new JsonObject { ["nested"] = "x" };
    }

    /// <summary>Bodies with a content type that promises something else.</summary>
    public static IEnumerable<(string ContentType, byte[] Body)> OtherBodies()
    {
        yield return ("multipart/form-data; boundary=lingjing", Encoding.UTF8.GetBytes("--lingjing\r\nContent-Disposition: form-data; name=\"materials\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.7 truncated"));
        yield return ("multipart/form-data; boundary=lingjing", Encoding.UTF8.GetBytes("no boundary here"));
        yield return ("multipart/form-data", Encoding.UTF8.GetBytes("--x\r\n\r\n"));
        yield return ("multipart/form-data; boundary=" + new string('b', 200), Encoding.UTF8.GetBytes("--b\r\n"));
        yield return ("application/x-www-form-urlencoded", Encoding.UTF8.GetBytes("a=%ZZ&&=&b"));
        yield return ("text/plain", Encoding.UTF8.GetBytes("plain"));
        yield return ("application/json; charset=utf-7", Encoding.UTF8.GetBytes("{}"));
        yield return ("application/json", [0xFF, 0xFE, 0xED, 0xA0, 0x80]);
        yield return ("model/gltf-binary", Encoding.UTF8.GetBytes("glTF\u0002\u0000\u0000\u0000short"));
    }

    /// <summary>A plausible value of a schema (resolving $ref), for the properties not being varied.</summary>
    public static JsonNode? Sample(JsonElement schema, JsonElement components, int depth = 0)
    {
        if (depth > 4) return null;
        if (schema.TryGetProperty("$ref", out var reference))
            return components.TryGetProperty(reference.GetString()!.Split('/')[^1], out var target) ? Sample(target, components, depth + 1) : null;
        var type = TypeOf(schema);
        if (schema.TryGetProperty("enum", out var values) && values.GetArrayLength() > 0)
            return JsonNode.Parse(values[0].GetRawText());
        return type switch
        {
            "object" or null when schema.TryGetProperty("properties", out var properties) =>
                new JsonObject(properties.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, Sample(p.Value, components, depth + 1)))),
            "array" => schema.TryGetProperty("items", out var items) ? new JsonArray(Sample(items, components, depth + 1)) : new JsonArray(),
            "integer" => JsonValue.Create(1),
            "number" => JsonValue.Create(1.5),
            "boolean" => JsonValue.Create(true),
            "string" when schema.TryGetProperty("format", out var f) && f.GetString() == "date-time" => JsonValue.Create("2026-12-01T10:00:00+08:00"),
            "string" when schema.TryGetProperty("format", out var f) && f.GetString() == "date" => JsonValue.Create("2026-12-01"),
            "string" when schema.TryGetProperty("format", out var f) && f.GetString() == "uuid" => JsonValue.Create(Guid.Empty.ToString()),
            "string" => JsonValue.Create("sample"),
            _ => null,
        };
    }

    public static string? TypeOf(JsonElement schema) =>
        !schema.TryGetProperty("type", out var type) ? null
        : type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()).FirstOrDefault(t => t != "null")
        : type.GetString();
}
