using System.Security.Claims;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.World;

/// <summary>A park operator replaces a building's generated shape with a GLB model (and can remove it again).</summary>
public static class BuildingModelApi
{
    public static void MapBuildingModelApi(this WebApplication app)
    {
        var models = app.MapGroup("/api/v1/world/buildings/{buildingId:int}/model").WithTags("World");

        models.MapGet("/", Results<PhysicalFileHttpResult, ProblemHttpResult> (int buildingId, BuildingModelStore store) =>
                store.Exists(buildingId)
                    ? TypedResults.PhysicalFile(store.PathFor(buildingId), BuildingModelStore.ContentType, enableRangeProcessing: true)
                    : NoModel(buildingId))
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("The building's uploaded GLB model");

        models.MapPut("/", async Task<Results<NoContent, ProblemHttpResult>> (int buildingId, HttpRequest request, ClaimsPrincipal user, LingjingDbContext db, BuildingModelStore store, WorldScenes scenes, CancellationToken ct) =>
            {
                if (await CheckOwnBuildingAsync(buildingId, user, db, ct) is { } refused) return refused;
                if (request.ContentLength > BuildingModelStore.MaxBytes)
                    return new Failure(StatusCodes.Status413PayloadTooLarge, new("Model too large"), new("The model is larger than {0} MB.", BuildingModelStore.MaxBytes / (1024 * 1024))).ToProblem();
                var invalid = await store.SaveAsync(buildingId, request.Body, ct);
                if (invalid is not null) return new Failure(StatusCodes.Status400BadRequest, new("Invalid model"), invalid).ToProblem();
                await scenes.ModelsChangedAsync();
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.ParkOperator)
            .Accepts<Stream>(BuildingModelStore.ContentType)
            .WithSummary("Upload a glTF 2.0 binary (GLB, at most 20 MB) that replaces the building's extruded footprint");

        models.MapDelete("/", async Task<Results<NoContent, ProblemHttpResult>> (int buildingId, ClaimsPrincipal user, LingjingDbContext db, BuildingModelStore store, WorldScenes scenes, CancellationToken ct) =>
            {
                if (await CheckOwnBuildingAsync(buildingId, user, db, ct) is { } refused) return refused;
                if (!store.Delete(buildingId)) return NoModel(buildingId);
                await scenes.ModelsChangedAsync();
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.ParkOperator)
            .WithSummary("Go back to the building's generated shape");
    }

    /// <summary>404 for an unknown building, 403 for a building of another park.</summary>
    private static async Task<ProblemHttpResult?> CheckOwnBuildingAsync(int buildingId, ClaimsPrincipal user, LingjingDbContext db, CancellationToken ct)
    {
        var parkId = await db.Set<Building>().Where(b => b.Id == buildingId).Select(b => (int?)b.ParkId).FirstOrDefaultAsync(ct);
        if (parkId is null) return Failure.NotFound("There is no building with id {0}.", buildingId).Titled("Building not found").ToProblem();
        return parkId == user.ParkId()
            ? null
            : Failure.Forbidden("Park operators may change only their own park's buildings.").ToProblem();
    }

    private static ProblemHttpResult NoModel(int buildingId) =>
        Failure.NotFound("Building {0} has no uploaded model.", buildingId).Titled("Model not found").ToProblem();
}
