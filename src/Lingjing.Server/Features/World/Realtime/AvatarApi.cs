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
        if (request.Model is null || !AvatarLookCatalog.Models.Contains(request.Model))
            return Invalid($"`model` must be one of: {string.Join(", ", AvatarLookCatalog.Models)}.");
        if (ParseColor(request.BodyColor) is not { } body)
            return Invalid("`bodyColor` must be a colour written #RRGGBB.");
        if (ParseColor(request.OutfitColor) is not { } outfit)
            return Invalid("`outfitColor` must be a colour written #RRGGBB.");
        if (request.Accessory is not { } accessory || accessory < 0 || accessory > AvatarLookCatalog.MaxAccessory)
            return Invalid($"`accessory` must be a number from 0 (none) to {AvatarLookCatalog.MaxAccessory}.");
        var saved = await looks.SaveAsync(userId, request.Model, body, outfit, accessory, http.RequestAborted);
        return TypedResults.Ok(ToDto(saved));
    }

    private static ProblemHttpResult Invalid(string detail) =>
        TypedResults.Problem(title: "Invalid avatar look", detail: detail, statusCode: StatusCodes.Status400BadRequest);

    private static int? ParseColor(string? text) =>
        text is { Length: 7 } && text[0] == '#'
        && int.TryParse(text.AsSpan(1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    private static string FormatColor(int rgb) => "#" + rgb.ToString("X6", CultureInfo.InvariantCulture);

    private static AvatarLookDto ToDto(StoredAvatarLook look) =>
        new(look.Model, FormatColor(look.BodyColor), FormatColor(look.OutfitColor), look.Accessory, AvatarLookCatalog.Models);
}
