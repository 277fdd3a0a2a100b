namespace Lingjing.Server.Features.World.Realtime;

/// <summary>The avatar look a user chose (table avatar_looks); users without a row get <see cref="AvatarLookCatalog.DefaultFor"/>.</summary>
public sealed class StoredAvatarLook
{
    public Guid UserId { get; set; }
    public required string Model { get; set; }
    /// <summary>One of <see cref="AvatarLookCatalog.Shapes"/>.</summary>
    public string Shape { get; set; } = AvatarLookCatalog.DefaultShape;
    /// <summary>0xRRGGBB.</summary>
    public int BodyColor { get; set; }
    /// <summary>0xRRGGBB.</summary>
    public int OutfitColor { get; set; }
    public int Accessory { get; set; }
    /// <summary>The SHA-256 (lower-case hex) of the person's uploaded GLB avatar (see <see cref="AvatarModelStore"/>), null for none.</summary>
    public string? ModelSha256 { get; set; }
    public DateTime UpdatedAt { get; set; }
}
