using Lingjing.Server.Features.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lingjing.Server.Features.World;

public static class WorldSceneApi
{
    public static void MapWorldSceneApi(this WebApplication app)
    {
        var world = app.MapGroup("/api/v1/world").WithTags("World").RequireAuthorization(Policies.SignedIn);

        world.MapGet("/{parkId:int}/scene", async Task<Results<Ok<WorldScene>, ProblemHttpResult>> (int parkId, WorldScenes scenes, CancellationToken ct) =>
                await scenes.ParkAsync(parkId, ct) is { } scene
                    ? TypedResults.Ok(scene)
                    : WorldFailures.NoPark(parkId).ToProblem())
            .WithSummary("One park's 3D scene: boundary, buildings, spaces (open now) and showrooms");

        world.MapGet("/zone/scene", async Task<Ok<WorldScene>> (WorldScenes scenes, CancellationToken ct) =>
                TypedResults.Ok(await scenes.ZoneAsync(ct)))
            .WithSummary("Every park of the zone placed by its coordinates, with fewer showrooms per building");
    }
}
