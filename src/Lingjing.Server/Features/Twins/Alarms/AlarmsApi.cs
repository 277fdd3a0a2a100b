using System.Security.Claims;
using Lingjing.Server.Features.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lingjing.Server.Features.Twins.Alarms;

/// <summary>Alarms and alarm rules of my park (park operators).</summary>
public static class AlarmsApi
{
    private static readonly string[] States = ["open", "active", "acknowledged", "cleared", "all"];

    public static void MapAlarmsApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Alarms").RequireAuthorization(Policies.ParkOperator);

        api.MapGet("/alarms", async Task<Results<Ok<List<AlarmView>>, ProblemHttpResult>> (string? state, ClaimsPrincipal user, AlarmService alarms, CancellationToken ct) =>
                !States.Contains(state ?? "open")
                    ? Problem(400, $"state must be one of {string.Join(", ", States)}.")
                    : TypedResults.Ok(await alarms.AlarmsAsync(user.ParkId()!.Value, state ?? "open", ct)))
            .WithSummary("Alarms of my park, newest first (state: open (default), active, acknowledged, cleared, all; at most 500)");

        api.MapPost("/alarms/{id:guid}/acknowledge", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, ClaimsPrincipal user, AlarmService alarms, CancellationToken ct) =>
            {
                var (status, problem) = await alarms.AcknowledgeAsync(id, user.ParkId()!.Value, user.UserId(), ct);
                return status == 200 ? TypedResults.NoContent() : Problem(status, problem!);
            })
            .WithSummary("Acknowledge an alarm (it clears by itself when its condition is over)");

        api.MapGet("/alarm-rules", async (ClaimsPrincipal user, AlarmService alarms, CancellationToken ct) =>
                TypedResults.Ok(await alarms.RulesAsync(user.ParkId()!.Value, ct)))
            .WithSummary("Alarm rules that apply to my park (zone-wide ones have no parkId)");

        api.MapPost("/alarm-rules", async Task<Results<Created<AlarmRuleView>, ProblemHttpResult>> (CreateAlarmRuleRequest request, ClaimsPrincipal user, AlarmService alarms, CancellationToken ct) =>
            {
                var (rule, status, problem) = await alarms.CreateRuleAsync(request, user.ParkId()!.Value, ct);
                return rule is not null ? TypedResults.Created($"/api/v1/alarm-rules/{rule.Id}", rule) : Problem(status, problem!);
            })
            .WithSummary("Add an alarm rule for my park")
            .WithDescription("Body: modelId or twinId; telemetry; kind threshold|rate|nodata; comparison above|below; threshold (rate: change per minute); " +
                "windowSeconds (rate window, or silence for nodata); severity info|warning|critical; nameEn, nameZh.");

        api.MapDelete("/alarm-rules/{id:int}", async Task<Results<NoContent, ProblemHttpResult>> (int id, ClaimsPrincipal user, AlarmService alarms, CancellationToken ct) =>
                await alarms.DeleteRuleAsync(id, user.ParkId()!.Value, ct) ? TypedResults.NoContent() : Problem(404, $"There is no rule {id} of your park."))
            .WithSummary("Remove one of my park's rules");
    }

    private static ProblemHttpResult Problem(int status, string detail) => TypedResults.Problem(
        title: status switch { 400 => "The request is not valid", 404 => "Not found", 409 => "Conflict", _ => "Error" }, detail: detail, statusCode: status);
}
