using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lingjing.Server.Infrastructure.Web;

/// <summary>Reads JSON strings for request bodies and refuses a NUL character (\u0000): PostgreSQL text
/// cannot hold one, and no name, reason or rule needs it. The refusal is a JsonException, which the
/// minimal-API binder turns into a 400 naming the property.</summary>
public sealed class NulFreeStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.GetString();
        if (value is not null && value.Contains('\0'))
            throw new JsonException("A text value contains a NUL character (\\u0000), which is not accepted.");
        return value;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
