using Lingjing.Server.Features.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lingjing.Server.Features.World.Realtime;

/// <summary>
/// <c>/api/v1/world/parks/{parkId}</c>: a park operator mutes or removes a user in their park's world.
/// Only the operator of that park may; anyone else gets 403 (or 401 when not signed in).
/// </summary>
public static class WorldModerationApi
{
    public const int MaxMuteMinutes = 7 * 24 * 60;

    /// <param name="AvatarId">Instead of <c>userId</c>: the avatar as the world client knows it (AvatarProfile.id).</param>
    public sealed record MuteRequest(string? UserId, int? Minutes, uint? AvatarId = null);
    public sealed record MuteResponse(string UserId, DateTimeOffset MutedUntil, bool Present);
    /// <param name="AvatarId">Instead of <c>userId</c>: the avatar as the world client knows it (AvatarProfile.id).</param>
    public sealed record RemoveRequest(string? UserId, uint? AvatarId = null);
    public sealed record RemoveResponse(string UserId, bool Present);

    public static RouteGroupBuilder MapWorldModerationApi(this RouteGroupBuilder group)
    {
        group.MapPost("/{parkId:int}/mute", MuteAsync)
            .WithSummary("Mute a user in the park's world")
            .WithDescription($"The user (`userId`, or `avatarId` of someone in the world now) cannot chat in this park's world for `minutes` (1 to {MaxMuteMinutes}); they are told so if connected. Park operator of this park only.");
        group.MapPost("/{parkId:int}/remove", RemoveAsync)
            .WithSummary("Remove a user from the park's world")
            .WithDescription("Disconnects the user (`userId`, or `avatarId` of someone in the world now) from this park's world (close 4003) and bars them for 10 minutes. Park operator of this park only.");
        return group;
    }

    private static async Task<Results<Ok<MuteResponse>, ProblemHttpResult>> MuteAsync(
        int parkId, MuteRequest request, HttpContext http, WorldHost host, WorldConnections connections, TimeProvider time)
    {
        if (Forbidden(http, parkId) is { } forbidden) return forbidden;
        var target = ModerationTarget.UserOf(WorldIds.Park(parkId), request.UserId, request.AvatarId, connections);
        var errors = ModerationTarget.Check(target, request.Minutes, MaxMuteMinutes);
        if (!errors.IsEmpty || target is not { } userId) return Invalid(errors);
        var minutes = request.Minutes!.Value;
        if (!await host.EnsureWorldAsync(WorldIds.Park(parkId), http.RequestAborted)) return NoSuchPark(parkId);
        var world = host.Node.FindWorld(WorldIds.Park(parkId))!;
        var id = userId.ToString();
        world.Mute(id, TimeSpan.FromMinutes(minutes));
        return TypedResults.Ok(new MuteResponse(id, time.GetUtcNow().AddMinutes(minutes), world.SessionOf(id) is not null));
    }

    private static async Task<Results<Ok<RemoveResponse>, ProblemHttpResult>> RemoveAsync(
        int parkId, RemoveRequest request, HttpContext http, WorldHost host, WorldConnections connections)
    {
        if (Forbidden(http, parkId) is { } forbidden) return forbidden;
        var target = ModerationTarget.UserOf(WorldIds.Park(parkId), request.UserId, request.AvatarId, connections);
        var errors = ModerationTarget.Check(target);
        if (!errors.IsEmpty || target is not { } userId) return Invalid(errors);
        if (!await host.EnsureWorldAsync(WorldIds.Park(parkId), http.RequestAborted)) return NoSuchPark(parkId);
        var world = host.Node.FindWorld(WorldIds.Park(parkId))!;
        var id = userId.ToString();
        var present = world.SessionOf(id) is not null;
        world.Remove(id);
        return TypedResults.Ok(new RemoveResponse(id, present));
    }

    private static ProblemHttpResult? Forbidden(HttpContext http, int parkId) =>
        http.User.ParkId() == parkId
            ? null
            : Failure.Forbidden("Only the operators of this park can moderate its world.").Titled("Not your park").ToProblem();

    private static ProblemHttpResult Invalid(FieldErrors errors) => Failure.Invalid(errors).Titled("Invalid moderation request").ToProblem();

    private static ProblemHttpResult NoSuchPark(int parkId) => WorldFailures.NoPark(parkId).ToProblem();
}
