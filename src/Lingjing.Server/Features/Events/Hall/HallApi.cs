using System.Security.Claims;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.World;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lingjing.Server.Features.Events.Hall;

/// <summary>The hall's scene for the world page (<c>GET /api/v1/events/{id}/hall/scene</c>, which seats the person in an
/// instance) and the instances to move between (<c>GET /api/v1/events/{id}/hall/instances</c>).</summary>
public static class HallApi
{
    public static void MapHallApi(this WebApplication app)
    {
        app.MapGet("/api/v1/events/{id:int}/hall/scene", async Task<Results<Ok<WorldScene>, ProblemHttpResult>> (
                int id, int? instance, ClaimsPrincipal user, HallWorldSource halls, TimeProvider time, CancellationToken ct) =>
            {
                var hall = await halls.HallAsync(user, id, ct);
                if (hall.Value is not { } e) return hall.Failure!.ToProblem();
                var seat = await halls.SeatAsync(user, id, instance);
                if (seat.Value is not { } worldId) return seat.Failure!.ToProblem();
                await halls.MarkJoinedAsync(id, user.UserId()!.Value, ct);
                return TypedResults.Ok(HallLayout.Scene(worldId, id, e.TitleZh, e.TitleEn, time.GetUtcNow()));
            })
            .WithTags("Events").RequireAuthorization()
            .WithSummary("The event's hall in the world (stage, screen, seats), for the people registered and the organisers from an hour before the start until the end; seats the person in an instance (the one asked for with instance, if it has room)");

        app.MapGet("/api/v1/events/{id:int}/hall/instances", async Task<Results<Ok<HallInstances>, ProblemHttpResult>> (
                int id, ClaimsPrincipal user, HallWorldSource halls, HallPlacement placement, CancellationToken ct) =>
            {
                var hall = await halls.HallAsync(user, id, ct);
                if (hall.Value is null) return hall.Failure!.ToProblem();
                var yours = await placement.InstanceOfAsync(user.UserId()!.Value, id);
                var instances = await placement.InstancesAsync(user, id);
                return TypedResults.Ok(new HallInstances(yours, instances
                    .Select(i => new HallInstanceChoice(i.Instance, i.People, i.Colleagues, i.Full, HallWorlds.Page(id, i.Instance))).ToList()));
            })
            .WithTags("Events").RequireAuthorization()
            .WithSummary("The instances of the event's hall: how many people and how many of your colleagues are in each, which is full, and yours");
    }
}

/// <param name="Yours">The instance the asker is seated in, if any.</param>
public sealed record HallInstances(int? Yours, IReadOnlyList<HallInstanceChoice> Instances);

/// <param name="Colleagues">How many people of the asker's enterprise (park, institution) sit there.</param>
/// <param name="Page">The world page that enters this instance.</param>
public sealed record HallInstanceChoice(int Instance, int People, int Colleagues, bool Full, string Page);
