using System.Globalization;
using Lingjing.Server.Features.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lingjing.Server.Features.World.Realtime;

/// <summary><c>/api/v1/me/avatar</c>: the signed-in user's avatar look in the world, and their own uploaded model.</summary>
public static class AvatarApi
{
    /// <summary>Colours are <c>#RRGGBB</c>; the model is one of <see cref="Models"/>, the shape one of <see cref="Shapes"/>;
    /// accessory 0 (none) to 4; <see cref="ModelUrl"/> is the uploaded GLB avatar, null for none.</summary>
    public sealed record AvatarLookDto(string Model, string Shape, string BodyColor, string OutfitColor, int Accessory, string? ModelUrl,
        IReadOnlyList<string> Models, IReadOnlyList<string> Shapes);

    /// <summary>A missing <see cref="Shape"/> is the average body.</summary>
    public sealed record AvatarLookRequest(string? Model, string? BodyColor, string? OutfitColor, int? Accessory, string? Shape = null);

    public static RouteGroupBuilder MapAvatarApi(this RouteGroupBuilder group)
    {
        group.MapGet("/", GetAsync)
            .WithSummary("The signed-in user's avatar look")
            .WithDescription("A user who never chose gets a default look derived from their id.");
        group.MapPut("/", PutAsync)
            .WithSummary("Choose the signed-in user's avatar look")
            .WithDescription("`model` is one of the listed models, `shape` one of the listed body shapes (average when left out), colours are `#RRGGBB`, " +
                "`accessory` is 0 (none) to 4. An uploaded model stays. Takes effect on the next world connection.");
        group.MapPut("/model", PutModelAsync)
            .Accepts<Stream>(GlbFile.ContentType)
            .WithSummary("Upload the signed-in user's own avatar: a glTF 2.0 binary (GLB, at most 10 MB)")
            .WithDescription("Checked like a building's model. Everyone in the world sees it instead of the built figure (from the next " +
                "world connection); the built figure in the chosen look is shown while it loads or if it cannot be loaded. Replaces the user's previous model.");
        group.MapDelete("/model", DeleteModelAsync)
            .WithSummary("Remove the signed-in user's uploaded avatar model and go back to the built figure");
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
        var shape = request.Shape ?? AvatarLookCatalog.DefaultShape;
        if (!AvatarLookCatalog.Shapes.Contains(shape))
            errors.Add(ShapeField, "'{0}' is not a body shape. One of: {1}.", shape, string.Join(", ", AvatarLookCatalog.Shapes));
        var body = ParseColor(request.BodyColor);
        if (body is null) errors.Add(BodyColorField, ColourExpected);
        var outfit = ParseColor(request.OutfitColor);
        if (outfit is null) errors.Add(OutfitColorField, ColourExpected);
        if (request.Accessory is not { } accessory || accessory < 0 || accessory > AvatarLookCatalog.MaxAccessory)
            errors.Add(AccessoryField, "A number from 0 (none) to {0}.", AvatarLookCatalog.MaxAccessory);
        if (!errors.IsEmpty) return Failure.Invalid(errors).Titled("Invalid avatar look").ToProblem();
        var saved = await looks.SaveAsync(userId, request.Model!, shape, body!.Value, outfit!.Value, request.Accessory!.Value, http.RequestAborted);
        return TypedResults.Ok(ToDto(saved));
    }

    private static async Task<Results<Ok<AvatarLookDto>, ProblemHttpResult, UnauthorizedHttpResult>> PutModelAsync(
        HttpContext http, AvatarModelStore models)
    {
        if (http.User.UserId() is not { } userId) return TypedResults.Unauthorized();
        if (http.Request.ContentLength > AvatarModelStore.MaxBytes) return TooLarge();
        var (look, upload) = await models.SaveAsync(userId, http.Request.Body, http.RequestAborted);
        if (look is null)
            return upload.TooLarge ? TooLarge() : new Failure(StatusCodes.Status400BadRequest, new("Invalid model"), upload.Refusal!).ToProblem();
        return TypedResults.Ok(ToDto(look));
    }

    private static async Task<Results<NoContent, ProblemHttpResult, UnauthorizedHttpResult>> DeleteModelAsync(
        HttpContext http, AvatarModelStore models)
    {
        if (http.User.UserId() is not { } userId) return TypedResults.Unauthorized();
        return await models.RemoveAsync(userId, http.RequestAborted)
            ? TypedResults.NoContent()
            : Failure.NotFound("You have not uploaded an avatar model.").Titled("Model not found").ToProblem();
    }

    private static ProblemHttpResult TooLarge() =>
        new Failure(StatusCodes.Status413PayloadTooLarge, new("Model too large"), GlbFile.TooLargePhrase(AvatarModelStore.MaxBytes)).ToProblem();

    private static readonly Field ModelField = new("model", "Figure");
    private static readonly Field ShapeField = new("shape", "Body shape");
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
        new(look.Model, look.Shape, FormatColor(look.BodyColor), FormatColor(look.OutfitColor), look.Accessory, look.ModelUrl(),
            AvatarLookCatalog.Models, AvatarLookCatalog.Shapes);
}
