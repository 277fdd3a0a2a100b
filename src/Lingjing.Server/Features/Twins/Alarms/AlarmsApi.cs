using System.Security.Claims;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Twins.Graph;
using Lingjing.Server.Infrastructure.Realtime;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lingjing.Server.Features.Twins.Alarms;

/// <summary>Alarms (park operators: their park; the government: every park, read only) and the alarm rules of
/// my park (park operators).</summary>
public static class AlarmsApi
{
    public static void MapAlarmsApi(this WebApplication app)
    {
        var read = app.MapGroup("/api/v1/alarms").WithTags("Alarms").RequireAuthorization(Policies.SignedIn);

        read.MapGet("", async Task<Results<Ok<List<AlarmView>>, ProblemHttpResult>> (string? state, int? parkId, ClaimsPrincipal user, AlarmService alarms, CancellationToken ct) =>
                !TwinAccess.Of(user).Any ? Forbidden()
                : !AlarmService.States.Contains(state ?? "open") ? Failure.NotOneOf(StateField, state!, AlarmService.States).ToProblem()
                : TypedResults.Ok(await alarms.AlarmsAsync(ParkOf(user, parkId), state ?? "open", ct)))
            .WithSummary("Alarms, newest first (state: open (default), active, acknowledged, cleared, all; at most 500)")
            .WithDescription("Park operators get their park's; the government every park's, or one park's with parkId.");

        read.MapGet("/stream", Results<ServerSentEventsResult<object>, ProblemHttpResult> (int? parkId, HttpContext http, ClaimsPrincipal user, AlarmStream stream) =>
                !TwinAccess.Of(user).Any ? Forbidden() : TypedResults.ServerSentEvents(stream.ReadAsync(ParkOf(user, parkId), LiveStreams.Lifetime(http))))
            .WithSummary("Alarms raised, acknowledged and cleared, as server-sent events")
            .WithDescription("Events: 'ready' once, 'alarm' ({change: raised|acknowledged|cleared, alarm}) per change, 'ping' when idle. " +
                "Park operators get their park's; the government every park's, or one park's with parkId.");

        read.MapPost("/{id:guid}/acknowledge", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, ClaimsPrincipal user, AlarmService alarms, CancellationToken ct) =>
            {
                var failure = await alarms.AcknowledgeAsync(id, user.ParkId()!.Value, user.UserId(), ct);
                return failure is null ? TypedResults.NoContent() : failure.ToProblem();
            })
            .RequireAuthorization(Policies.ParkOperator)
            .WithSummary("Acknowledge an alarm of my park (it clears by itself when its condition is over)");

        app.MapAlarmRulesApi();
    }

    /// <summary>Scope from the claim, never from the request: a park operator's parkId is ignored.</summary>
    private static int? ParkOf(ClaimsPrincipal user, int? parkId) => TwinAccess.Of(user) is { All: true } ? parkId : TwinAccess.Of(user).ParkId;

    private static readonly Field StateField = new("state", "State");

    private static ProblemHttpResult Forbidden() => TwinFailures.OperatorsAndGovernmentOnly.ToProblem();
}
