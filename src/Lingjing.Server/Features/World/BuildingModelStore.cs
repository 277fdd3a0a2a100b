using Lingjing.Server.Infrastructure;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.World;

/// <summary>Uploaded glTF binary (GLB) models that replace a building's extruded footprint, one file per
/// building under the data directory (world/models/{buildingId}.glb).</summary>
public sealed class BuildingModelStore(IOptions<LingjingOptions> options)
{
    public const long MaxBytes = 20 * 1024 * 1024;
    public const string ContentType = GlbFile.ContentType;

    private string Directory => Path.Combine(options.Value.FullDataDirectory, "world", "models");

    public static string UrlFor(int buildingId) => $"/api/v1/world/buildings/{buildingId}/model";

    public bool Exists(int buildingId) => File.Exists(PathFor(buildingId));

    public string PathFor(int buildingId) => Path.Combine(Directory, $"{buildingId}.glb");

    /// <summary>Validates (<see cref="GlbFile"/>) and stores a GLB; returns why it was refused, or null when stored.</summary>
    public async Task<Phrase?> SaveAsync(int buildingId, Stream body, CancellationToken ct)
    {
        var upload = await GlbFile.ReadAsync(body, MaxBytes, ct);
        if (upload.Bytes is not { } bytes) return upload.Refusal;

        System.IO.Directory.CreateDirectory(Directory);
        var temporary = PathFor(buildingId) + ".uploading";
        await File.WriteAllBytesAsync(temporary, bytes, ct);
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
