using System.Security.Claims;
using Lingjing.Server.Features.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lingjing.Server.Features.Twins.Alarms;

/// <summary>The alarm rules of my park (park operators). Invalid rules get a 400 validation problem whose
/// <c>errors</c> are keyed by the body's fields, with messages in the request's language.</summary>
public static class AlarmRulesApi
{
    public static void MapAlarmRulesApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/alarm-rules").WithTags("Alarms").RequireAuthorization(Policies.ParkOperator);

        api.MapGet("", async (ClaimsPrincipal user, AlarmRuleService rules, CancellationToken ct) =>
                TypedResults.Ok(await rules.RulesAsync(user.ParkId()!.Value, ct)))
            .WithSummary("Alarm rules that apply to my park: its own, then the zone-wide ones (no parkId)");

        api.MapGet("/{id:int}", async Task<Results<Ok<AlarmRuleView>, ProblemHttpResult>> (int id, ClaimsPrincipal user, AlarmRuleService rules, CancellationToken ct) =>
                await rules.FindAsync(id, user.ParkId()!.Value, ct) is { } rule ? TypedResults.Ok(rule) : NotFound(id))
            .WithSummary("One alarm rule that applies to my park");

        api.MapPost("", async Task<Results<Created<AlarmRuleView>, ProblemHttpResult>> (
                AlarmRuleInput input, ClaimsPrincipal user, AlarmRuleService rules, CancellationToken ct) =>
            {
                var outcome = await rules.CreateAsync(input, user.ParkId()!.Value, ct);
                if (outcome.Rule is { } rule) return TypedResults.Created($"/api/v1/alarm-rules/{rule.Id}", rule);
                return Validation(outcome);
            })
            .WithSummary("Add an alarm rule for my park")
            .WithDescription("Body: modelId (a kind of device: its twins in my park) or twinId (one twin); telemetry; kind threshold|rate|nodata; " +
                "comparison above|below; threshold (rate: change per minute); windowSeconds (threshold: how long it must hold, 0 = at once; " +
                "rate: the window; nodata: the silence allowed); severity info|warning|critical; nameEn, nameZh; enabled (default true).");

        api.MapPut("/{id:int}", async Task<Results<Ok<AlarmRuleView>, ProblemHttpResult>> (
                int id, AlarmRuleInput input, ClaimsPrincipal user, AlarmRuleService rules, CancellationToken ct) =>
            {
                var outcome = await rules.UpdateAsync(id, input, user.ParkId()!.Value, ct);
                if (outcome.Rule is { } rule) return TypedResults.Ok(rule);
                if (outcome.IsNotFound) return NotFound(id);
                return Validation(outcome);
            })
            .WithSummary("Replace one of my park's alarm rules (the body as for POST; enabled false switches it off and clears its open alarms)");

        api.MapDelete("/{id:int}", async Task<Results<NoContent, ProblemHttpResult>> (int id, ClaimsPrincipal user, AlarmRuleService rules, CancellationToken ct) =>
                await rules.DeleteAsync(id, user.ParkId()!.Value, ct) ? TypedResults.NoContent() : NotFound(id))
            .WithSummary("Delete one of my park's rules and its alarms");
    }

    private static ProblemHttpResult Validation(AlarmRuleOutcome outcome) =>
        Failure.Invalid(outcome.Errors!).Titled(AlarmRuleValidator.Title).ToProblem();

    private static ProblemHttpResult NotFound(int id) => Failure.NotFound("Your park has no alarm rule {0}.", id).ToProblem();
}
