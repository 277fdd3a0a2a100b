using System.Globalization;
using Lingjing.Server.Features.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lingjing.Server.Features.World.Realtime;

/// <summary><c>/api/v1/me/avatar</c>: the signed-in user's avatar look in the world.</summary>
public static class AvatarApi
{
    /// <summary>Colours are <c>#RRGGBB</c>; the model is one of <see cref="Models"/>; accessory 0 (none) to 4.</summary>
    public sealed record AvatarLookDto(string Model, string BodyColor, string OutfitColor, int Accessory, IReadOnlyList<string> Models);

    public sealed record AvatarLookRequest(string? Model, string? BodyColor, string? OutfitColor, int? Accessory);

    public static RouteGroupBuilder MapAvatarApi(this RouteGroupBuilder group)
    {
        group.MapGet("/", GetAsync)
            .WithSummary("The signed-in user's avatar look")
            .WithDescription("A user who never chose gets a default look derived from their id.");
        group.MapPut("/", PutAsync)
            .WithSummary("Choose the signed-in user's avatar look")
            .WithDescription("`model` is one of the listed models, colours are `#RRGGBB`, `accessory` is 0 (none) to 4. Takes effect on the next world connection.");
        return group;
    }

    private static async Task<Results<Ok<AvatarLookDto>, UnauthorizedHttpResult>> GetAsync(
        HttpContext http, AvatarLookStore looks)
    {
        if (http.User.UserId() is not { } userId) return TypedResults.Unauthorized();
        return TypedResults.Ok(ToDto(await looks.GetAsync(userId, http.RequestAborted)));
    }

    private static async Task<Results<Ok<AvatarLookDto>, ProblemHttpResult, UnauthorizedHttpResult>> PutAsync(
        AvatarLookRequest request, HttpContext http, AvatarLookStore looks)
    {
        if (http.User.UserId() is not { } userId) return TypedResults.Unauthorized();
        var errors = new FieldErrors();
        if (request.Model is null || !AvatarLookCatalog.Models.Contains(request.Model))
            errors.Add(ModelField, "One of: {0}.", string.Join(", ", AvatarLookCatalog.Models));
        var body = ParseColor(request.BodyColor);
        if (body is null) errors.Add(BodyColorField, ColourExpected);
        var outfit = ParseColor(request.OutfitColor);
        if (outfit is null) errors.Add(OutfitColorField, ColourExpected);
        if (request.Accessory is not { } accessory || accessory < 0 || accessory > AvatarLookCatalog.MaxAccessory)
            errors.Add(AccessoryField, "A number from 0 (none) to {0}.", AvatarLookCatalog.MaxAccessory);
        if (!errors.IsEmpty) return Failure.Invalid(errors).Titled("Invalid avatar look").ToProblem();
        var saved = await looks.SaveAsync(userId, request.Model!, body!.Value, outfit!.Value, request.Accessory!.Value, http.RequestAborted);
        return TypedResults.Ok(ToDto(saved));
    }

    private static readonly Field ModelField = new("model", "Figure");
    private static readonly Field BodyColorField = new("bodyColor", "Body colour");
    private static readonly Field OutfitColorField = new("outfitColor", "Outfit colour");
    private static readonly Field AccessoryField = new("accessory", "Accessory");
    private const string ColourExpected = "A colour written #RRGGBB, e.g. #3A7BD5.";

    private static int? ParseColor(string? text) =>
        text is { Length: 7 } && text[0] == '#'
        && int.TryParse(text.AsSpan(1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    private static string FormatColor(int rgb) => "#" + rgb.ToString("X6", CultureInfo.InvariantCulture);

    private static AvatarLookDto ToDto(StoredAvatarLook look) =>
        new(look.Model, FormatColor(look.BodyColor), FormatColor(look.OutfitColor), look.Accessory, AvatarLookCatalog.Models);
}
