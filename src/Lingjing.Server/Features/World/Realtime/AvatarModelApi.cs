using Lingjing.Server.Features.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Lingjing.Server.Features.World.Realtime;

/// <summary><c>/api/v1/world/avatar-models/{sha256}.glb</c>: the uploaded avatars people in the world use, for every
/// signed-in browser that draws them (uploaded and removed through <see cref="AvatarApi"/>).</summary>
public static class AvatarModelApi
{
    public static string UrlFor(string sha256) => $"/api/v1/world/avatar-models/{sha256}.glb";

    public static WebApplication MapAvatarModelApi(this WebApplication app)
    {
        app.MapGet("/api/v1/world/avatar-models/{sha256}.glb", GetAsync)
            .WithTags("World")
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("An uploaded avatar model (GLB) someone uses now")
            .WithDescription("The address names the model's bytes (SHA-256), so a response never changes and may be cached. " +
                "A model that was replaced or removed is gone (404).");
        return app;
    }

    private static async Task<Results<PhysicalFileHttpResult, ProblemHttpResult>> GetAsync(string sha256, HttpContext http, AvatarModelStore models)
    {
        if (await models.FileForAsync(sha256, http.RequestAborted) is not { } path)
            return Failure.NotFound("No one uses an avatar model {0}.", sha256).Titled("Model not found").ToProblem();
        http.Response.Headers[HeaderNames.CacheControl] = "private, max-age=31536000, immutable";
        return TypedResults.PhysicalFile(path, GlbFile.ContentType, enableRangeProcessing: true);
    }
}
