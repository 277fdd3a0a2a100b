using System.Buffers.Binary;
using Lingjing.Server.Infrastructure;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.World;

/// <summary>Uploaded glTF binary (GLB) models that replace a building's extruded footprint, one file per
/// building under the data directory (world/models/{buildingId}.glb).</summary>
public sealed class BuildingModelStore(IOptions<LingjingOptions> options)
{
    public const long MaxBytes = 20 * 1024 * 1024;
    public const string ContentType = "model/gltf-binary";
    private const uint GlbMagic = 0x46546C67; // "glTF" little-endian
    private const int GlbHeaderBytes = 12;

    private string Directory => Path.Combine(options.Value.FullDataDirectory, "world", "models");

    public static string UrlFor(int buildingId) => $"/api/v1/world/buildings/{buildingId}/model";

    public bool Exists(int buildingId) => File.Exists(PathFor(buildingId));

    public string PathFor(int buildingId) => Path.Combine(Directory, $"{buildingId}.glb");

    /// <summary>Validates and stores a GLB; returns why it was refused, or null when stored.</summary>
    public async Task<Phrase?> SaveAsync(int buildingId, Stream body, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes) return new("The model is larger than {0} MB.", MaxBytes / (1024 * 1024));
            buffer.Write(chunk, 0, read);
        }
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (bytes.Length < GlbHeaderBytes || BinaryPrimitives.ReadUInt32LittleEndian(bytes) != GlbMagic)
            return new("The file is not a glTF binary (GLB) model.");
        if (BinaryPrimitives.ReadUInt32LittleEndian(bytes[4..]) != 2)
            return new("Only glTF 2.0 models are supported.");
        if (BinaryPrimitives.ReadUInt32LittleEndian(bytes[8..]) != bytes.Length)
            return new("The GLB header's length does not match the file: the file is truncated or damaged.");

        System.IO.Directory.CreateDirectory(Directory);
        var temporary = PathFor(buildingId) + ".uploading";
        await File.WriteAllBytesAsync(temporary, buffer.ToArray(), ct);
        File.Move(temporary, PathFor(buildingId), overwrite: true);
        return null;
    }

    public bool Delete(int buildingId)
    {
        if (!Exists(buildingId)) return false;
        File.Delete(PathFor(buildingId));
        return true;
    }
}
