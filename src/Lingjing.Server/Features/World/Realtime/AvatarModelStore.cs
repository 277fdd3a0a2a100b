using System.Security.Cryptography;
using Lingjing.Server.Infrastructure;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.World.Realtime;

/// <summary>People's own avatars: an uploaded glTF binary (GLB), checked like a building's model (<see cref="GlbFile"/>),
/// stored under the data directory by the SHA-256 of its bytes (world/avatars/{sha256}.glb) and recorded in the
/// person's look, so its URL changes when the model does and everyone's browser may cache it. A person changes only
/// their own model: the store is always called with the signed-in user's id.</summary>
public sealed class AvatarModelStore(LingjingDbContext db, IOptions<LingjingOptions> options, TimeProvider time)
{
    /// <summary>Smaller than a building's: every browser in view downloads it.</summary>
    public const long MaxBytes = 10 * 1024 * 1024;

    private string Directory => Path.Combine(options.Value.FullDataDirectory, "world", "avatars");

    public static bool IsSha256(string text) => text.Length == 64 && text.All(char.IsAsciiHexDigitLower);

    /// <summary>The file of a model someone uses now, or null (an unknown, replaced or removed model).</summary>
    public async Task<string?> FileForAsync(string sha256, CancellationToken ct)
    {
        if (!IsSha256(sha256) || !await db.Set<StoredAvatarLook>().AnyAsync(l => l.ModelSha256 == sha256, ct)) return null;
        var path = PathFor(sha256);
        return File.Exists(path) ? path : null;
    }

    /// <summary>Validates and stores the user's model, replacing the one they had; returns their look, or why it was refused.</summary>
    public async Task<(StoredAvatarLook? Look, GlbFile.Upload Refused)> SaveAsync(Guid userId, Stream body, CancellationToken ct)
    {
        var upload = await GlbFile.ReadAsync(body, MaxBytes, ct);
        if (upload.Bytes is not { } bytes) return (null, upload);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));

        System.IO.Directory.CreateDirectory(Directory);
        var path = PathFor(sha256);
        if (!File.Exists(path))
        {
            var temporary = $"{path}.{Guid.NewGuid():N}.uploading";
            await File.WriteAllBytesAsync(temporary, bytes, ct);
            File.Move(temporary, path, overwrite: true);
        }

        var look = await db.Set<StoredAvatarLook>().FirstOrDefaultAsync(l => l.UserId == userId, ct);
        if (look is null)
        {
            look = AvatarLookCatalog.DefaultFor(userId);
            db.Add(look);
        }
        var previous = look.ModelSha256;
        look.ModelSha256 = sha256;
        look.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await DeleteUnusedAsync(previous, ct);
        return (look, upload);
    }

    /// <summary>Goes back to the built figure; false when the user had no model.</summary>
    public async Task<bool> RemoveAsync(Guid userId, CancellationToken ct)
    {
        var look = await db.Set<StoredAvatarLook>().FirstOrDefaultAsync(l => l.UserId == userId, ct);
        if (look?.ModelSha256 is not { } previous) return false;
        look.ModelSha256 = null;
        look.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await DeleteUnusedAsync(previous, ct);
        return true;
    }

    private string PathFor(string sha256) => Path.Combine(Directory, sha256 + ".glb");

    /// <summary>Deletes a model file no one uses any more (two people may have uploaded the same bytes).</summary>
    private async Task DeleteUnusedAsync(string? sha256, CancellationToken ct)
    {
        if (sha256 is null || await db.Set<StoredAvatarLook>().AnyAsync(l => l.ModelSha256 == sha256, ct)) return;
        File.Delete(PathFor(sha256));
    }
}
