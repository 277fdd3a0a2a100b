using System.Buffers.Binary;
using System.Text.Json;

namespace Lingjing.Server.Features.World;

/// <summary>The one validated way an uploaded glTF binary (GLB) model comes in, for building models and people's
/// avatars alike: read up to a size limit, then checked to be a whole glTF 2.0 binary (magic, version, a length that
/// matches the file, a JSON chunk first) that holds everything it needs: a buffer or image that points at another
/// file or address would make every browser that draws it fetch from wherever the uploader chose.</summary>
public static class GlbFile
{
    public const string ContentType = "model/gltf-binary";
    private const uint GlbMagic = 0x46546C67; // "glTF" little-endian
    private const int GlbHeaderBytes = 12;
    private const uint JsonChunk = 0x4E4F534A; // "JSON"

    /// <summary>The upload's bytes, or why it is refused.</summary>
    public sealed record Upload(byte[]? Bytes, Phrase? Refusal, bool TooLarge = false);

    public static Phrase TooLargePhrase(long maxBytes) => new("The model is larger than {0} MB.", maxBytes / (1024 * 1024));

    public static async Task<Upload> ReadAsync(Stream body, long maxBytes, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes) return new(null, TooLargePhrase(maxBytes), TooLarge: true);
            buffer.Write(chunk, 0, read);
        }
        var bytes = buffer.ToArray();
        return Check(bytes) is { } refusal ? new(null, refusal) : new(bytes, null);
    }

    /// <summary>Why these bytes are not a whole glTF 2.0 binary, or null when they are.</summary>
    public static Phrase? Check(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < GlbHeaderBytes || BinaryPrimitives.ReadUInt32LittleEndian(bytes) != GlbMagic)
            return new("The file is not a glTF binary (GLB) model.");
        if (BinaryPrimitives.ReadUInt32LittleEndian(bytes[4..]) != 2)
            return new("Only glTF 2.0 models are supported.");
        if (BinaryPrimitives.ReadUInt32LittleEndian(bytes[8..]) != bytes.Length)
            return new("The GLB header's length does not match the file: the file is truncated or damaged.");
        return CheckDescription(bytes[GlbHeaderBytes..]);
    }

    /// <summary>The first chunk must be the model's JSON description; its buffers and images may only be inside the file
    /// (no uri: the binary chunk or a buffer view) or written out in it (a data: URI).</summary>
    private static Phrase? CheckDescription(ReadOnlySpan<byte> chunks)
    {
        if (chunks.Length < 8 || BinaryPrimitives.ReadUInt32LittleEndian(chunks[4..]) != JsonChunk
            || BinaryPrimitives.ReadUInt32LittleEndian(chunks) > chunks.Length - 8)
            return new("The model has no description (the GLB's first chunk must be its JSON): the file is damaged.");
        try
        {
            var reader = new Utf8JsonReader(chunks.Slice(8, (int)BinaryPrimitives.ReadUInt32LittleEndian(chunks)));
            using var description = JsonDocument.ParseValue(ref reader);
            foreach (var part in new[] { "buffers", "images" })
            {
                if (!description.RootElement.TryGetProperty(part, out var list) || list.ValueKind != JsonValueKind.Array) continue;
                foreach (var item in list.EnumerateArray())
                    if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("uri", out var uri)
                        && !(uri.GetString() ?? "").StartsWith("data:", StringComparison.OrdinalIgnoreCase))
                        return new("The model refers to a file outside it ({0}); export it as one self-contained GLB.", uri.GetString() ?? "");
            }
        }
        catch (JsonException)
        {
            return new("The model's description is not valid JSON: the file is damaged.");
        }
        return null;
    }
}
