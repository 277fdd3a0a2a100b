using System.Security.Claims;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.World;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lingjing.Server.Features.Events.Hall;

/// <summary>The hall's scene for the world page: <c>GET /api/v1/events/{id}/hall/scene</c>.</summary>
public static class HallApi
{
    public static void MapHallApi(this WebApplication app)
    {
        app.MapGet("/api/v1/events/{id:int}/hall/scene", async Task<Results<Ok<WorldScene>, ProblemHttpResult>> (
                int id, ClaimsPrincipal user, HallWorldSource halls, TimeProvider time, CancellationToken ct) =>
            {
                var hall = await halls.HallAsync(user, id, ct);
                if (hall.Value is not { } e) return hall.Failure!.ToProblem();
                await halls.MarkJoinedAsync(id, user.UserId()!.Value, ct);
                return TypedResults.Ok(HallLayout.Scene(HallWorlds.Id(id, 1), id, e.TitleZh, e.TitleEn, time.GetUtcNow()));
            })
            .WithTags("Events").RequireAuthorization()
            .WithSummary("The event's hall in the world (stage, screen, seats), for the people registered and the organisers from an hour before the start until the end");
    }
}
