using System.Security.Claims;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Record;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lingjing.Server.Features.World.Realtime;

/// <summary>
/// <c>/api/v1/world/bans</c>: the government bars a person from every world of the zone (the zone
/// world and every park's), whichever world they misbehaved in. Government only.
/// </summary>
public static class ZoneBanApi
{
    public const int MaxBanMinutes = 30 * 24 * 60;

    /// <param name="WorldId">With <c>avatarId</c>: the world where that avatar is now (<c>zone</c> or <c>park-{id}</c>).</param>
    public sealed record BanRequest(string? UserId, int? Minutes, string? WorldId = null, uint? AvatarId = null);
    public sealed record BanResponse(string UserId, DateTimeOffset BannedUntil);

    public static RouteGroupBuilder MapZoneBanApi(this RouteGroupBuilder group)
    {
        group.MapPost("/", Ban)
            .WithSummary("Bar a person from every world of the zone")
            .WithDescription($"The user (`userId`, or `avatarId` of someone in world `worldId` now) is removed from every world (close 4003) and refused by all of them for `minutes` (1 to {MaxBanMinutes}). Government only.");
        group.MapDelete("/{userId:guid}", Lift)
            .WithSummary("Lift a zone-wide ban")
            .WithDescription("The user may enter the worlds again at once. Government only.");
        return group;
    }

    private static async Task<Results<Ok<BanResponse>, ProblemHttpResult>> Ban(BanRequest request, WorldHost host, WorldConnections connections,
        ClaimsPrincipal user, LingjingDbContext db, TimeProvider time, CancellationToken ct)
    {
        var userId = ModerationTarget.UserOf(request.WorldId ?? "", request.UserId, request.AvatarId, connections);
        var errors = ModerationTarget.Check(userId, request.Minutes, MaxBanMinutes);
        if (!errors.IsEmpty) return Failure.Invalid(errors).Titled("Invalid ban request").ToProblem();
        var minutes = request.Minutes!.Value;
        var until = host.Node.BanEverywhere(userId!.Value.ToString(), TimeSpan.FromMinutes(minutes));
        db.Record(time.GetUtcNow(), RecordKinds.BanApplied, $"user:{userId}", user.UserId(), new { User = userId, Minutes = minutes, Until = until });
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new BanResponse(userId.Value.ToString(), until));
    }

    private static async Task<NoContent> Lift(Guid userId, WorldHost host, ClaimsPrincipal user, LingjingDbContext db, TimeProvider time, CancellationToken ct)
    {
        host.Node.LiftBanEverywhere(userId.ToString());
        db.Record(time.GetUtcNow(), RecordKinds.BanLifted, $"user:{userId}", user.UserId(), new { User = userId });
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
