using System.Buffers.Binary;

namespace Lingjing.Server.Features.World;

/// <summary>The one validated way an uploaded glTF binary (GLB) model comes in, for building models and people's
/// avatars alike: read up to a size limit, then checked to be a whole glTF 2.0 binary (magic, version, and a
/// length that matches the file).</summary>
public static class GlbFile
{
    public const string ContentType = "model/gltf-binary";
    private const uint GlbMagic = 0x46546C67; // "glTF" little-endian
    private const int GlbHeaderBytes = 12;

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
        return null;
    }
}
