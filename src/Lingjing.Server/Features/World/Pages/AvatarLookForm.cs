using System.Globalization;
using Lingjing.Server.Features.World.Realtime;

namespace Lingjing.Server.Features.World.Pages;

/// <summary>The avatar look as the /me form posts it: every field is text, so a tampered value is a
/// validation message rather than a binding failure. Colours are <c>#RRGGBB</c>.</summary>
public sealed class AvatarLookForm
{
    public string? Model { get; set; }
    public string? Shape { get; set; }
    public string? BodyColor { get; set; }
    public string? OutfitColor { get; set; }
    public string? Accessory { get; set; }

    /// <summary>Accessory numbers (AvatarLook.accessory) and their names in the UI.</summary>
    public static readonly IReadOnlyList<(int Value, string Name)> Accessories =
        [(0, "No accessory"), (1, "Hat"), (2, "Glasses"), (3, "Backpack"), (4, "Scarf")];

    /// <summary>The UI names of <see cref="AvatarLookCatalog.Models"/>.</summary>
    public static string ModelName(string model) => model switch
    {
        "casual" => "Casual",
        "business" => "Business",
        "traditional" => "Traditional",
        "sporty" => "Sporty",
        "robot" => "Robot",
        _ => model,
    };

    /// <summary>The UI names of <see cref="AvatarLookCatalog.Shapes"/>.</summary>
    public static string ShapeName(string shape) => shape switch
    {
        "average" => "Regular",
        "slim" => "Slim",
        "broad" => "Broad",
        "petite" => "Petite",
        _ => shape,
    };

    /// <summary>How the preview and the world draw a shape: width and height against the average body
    /// (avatarModels.ts shapeScale says the same).</summary>
    public static (double Width, double Height) ShapeScale(string shape) => shape switch
    {
        "slim" => (0.8, 1.04),
        "broad" => (1.25, 1.0),
        "petite" => (0.9, 0.86),
        _ => (1, 1),
    };

    public static AvatarLookForm From(StoredAvatarLook look) => new()
    {
        Model = look.Model,
        Shape = look.Shape,
        BodyColor = FormatColor(look.BodyColor),
        OutfitColor = FormatColor(look.OutfitColor),
        Accessory = look.Accessory.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The checked look, or null with the reasons in <paramref name="errors"/>.</summary>
    public ValidLook? Validate(FieldErrors errors)
    {
        if (Model is null || !AvatarLookCatalog.Models.Contains(Model)) errors.Add(new("model", "Figure"), "Choose one of the figures.");
        var shape = Shape ?? AvatarLookCatalog.DefaultShape;
        if (!AvatarLookCatalog.Shapes.Contains(shape)) errors.Add(new("shape", "Body shape"), "Choose one of the body shapes.");
        var body = ParseColor(BodyColor);
        if (body is null) errors.Add(new("bodyColor", "Body colour"), "Choose a colour written #RRGGBB.");
        var outfit = ParseColor(OutfitColor);
        if (outfit is null) errors.Add(new("outfitColor", "Outfit colour"), "Choose a colour written #RRGGBB.");
        var accessory = int.TryParse(Accessory, NumberStyles.None, CultureInfo.InvariantCulture, out var a) && a <= AvatarLookCatalog.MaxAccessory ? a : (int?)null;
        if (accessory is null) errors.Add(new("accessory", "Accessory"), "Choose one of the accessories.");
        return errors.IsEmpty ? new ValidLook(Model!, shape, body!.Value, outfit!.Value, accessory!.Value) : null;
    }

    public sealed record ValidLook(string Model, string Shape, int BodyColor, int OutfitColor, int Accessory);

    public static string FormatColor(int rgb) => "#" + rgb.ToString("x6", CultureInfo.InvariantCulture);

    /// <summary>The colour for the preview: the posted one when it is valid, else the saved one.</summary>
    public static string PreviewColor(string? posted, int saved) => ParseColor(posted) is { } rgb ? FormatColor(rgb) : FormatColor(saved);

    private static int? ParseColor(string? text) =>
        text is { Length: 7 } && text[0] == '#'
        && int.TryParse(text.AsSpan(1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}
