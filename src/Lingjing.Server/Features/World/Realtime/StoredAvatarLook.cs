namespace Lingjing.Server.Features.World.Realtime;

/// <summary>The avatar look a user chose (table avatar_looks); users without a row get <see cref="AvatarLookCatalog.DefaultFor"/>.</summary>
public sealed class StoredAvatarLook
{
    public Guid UserId { get; set; }
    public required string Model { get; set; }
    /// <summary>0xRRGGBB.</summary>
    public int BodyColor { get; set; }
    /// <summary>0xRRGGBB.</summary>
    public int OutfitColor { get; set; }
    public int Accessory { get; set; }
    public DateTime UpdatedAt { get; set; }
}
