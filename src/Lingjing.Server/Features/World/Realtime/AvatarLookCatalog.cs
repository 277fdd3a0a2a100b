using Lingjing.World.Protocol;

namespace Lingjing.Server.Features.World.Realtime;

/// <summary>The looks an avatar may have: a figure (model), a body shape, two colours and an accessory, or the
/// person's own uploaded model. The world client renders each model and shape id; a user who never chose gets
/// a look derived from their id, so crowds vary.</summary>
public static class AvatarLookCatalog
{
    public static readonly IReadOnlyList<string> Models = ["casual", "business", "traditional", "sporty", "robot"];

    /// <summary>Body shapes (AvatarLook.shape): the figure drawn wider, narrower or smaller.</summary>
    public static readonly IReadOnlyList<string> Shapes = ["average", "slim", "broad", "petite"];

    public const string DefaultShape = "average";

    /// <summary>Accessories: 0 none, 1 hat, 2 glasses, 3 backpack, 4 scarf.</summary>
    public const int MaxAccessory = 4;

    private static readonly int[] Palette = [0xE8B796, 0xC68E6A, 0x8D5B3F, 0x3B82F6, 0xEF4444, 0x10B981, 0xF59E0B, 0x8B5CF6, 0x374151, 0xF3F4F6];

    public static StoredAvatarLook DefaultFor(Guid userId)
    {
        var hash = (uint)userId.GetHashCode();
        return new StoredAvatarLook
        {
            UserId = userId,
            Model = Models[(int)(hash % (uint)Models.Count)],
            Shape = Shapes[(int)(hash / 1009 % (uint)Shapes.Count)],
            BodyColor = Palette[(int)(hash / 7 % 3)],
            OutfitColor = Palette[3 + (int)(hash / 31 % (uint)(Palette.Length - 3))],
            Accessory = (int)(hash / 131 % (MaxAccessory + 1)),
        };
    }

    /// <summary>Where the uploaded model is served, or null when the person has none.</summary>
    public static string? ModelUrl(this StoredAvatarLook look) =>
        look.ModelSha256 is { } sha256 ? AvatarModelApi.UrlFor(sha256) : null;

    public static AvatarLook ToProtocol(this StoredAvatarLook look) => new()
    {
        Model = look.Model,
        Shape = look.Shape,
        BodyColor = (uint)look.BodyColor,
        OutfitColor = (uint)look.OutfitColor,
        Accessory = (uint)look.Accessory,
        ModelUrl = look.ModelUrl() ?? "",
    };

    /// <summary>The look as the world page hands it to the browser (data-avatar-look; avatarLook.ts fromPage reads it),
    /// so your own figure is drawn in your look from the first frame.</summary>
    public static string ToPageJson(this StoredAvatarLook look) => System.Text.Json.JsonSerializer.Serialize(new
    {
        model = look.Model,
        shape = look.Shape,
        bodyColor = look.BodyColor,
        outfitColor = look.OutfitColor,
        accessory = look.Accessory,
        modelUrl = look.ModelUrl(),
    });
}
