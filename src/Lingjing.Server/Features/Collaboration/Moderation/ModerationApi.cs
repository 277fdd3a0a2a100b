using System.Security.Claims;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Infrastructure.Paging;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lingjing.Server.Features.Collaboration.Moderation;

/// <summary>Reports and moderation over HTTP, under /api/v1/collaboration/reports.</summary>
public static class ModerationApi
{
    private static readonly Field StatusField = new("status", "Status");

    public static void MapModerationApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/collaboration/reports").WithTags("Collaboration").RequireAuthorization(Policies.SignedIn);

        api.MapPost("", async Task<Results<Created<ReportView>, ProblemHttpResult>> (
                ReportInput input, ClaimsPrincipal user, ModerationService moderation, CancellationToken ct) =>
            {
                if (!Collaborator.MayAnswer(user)) return Failure.Forbidden("Only an enterprise's or institution's people report what they see.").ToProblem();
                var outcome = await moderation.ReportAsync(Collaborator.Of(user), input, ct);
                return outcome.Value is { } view ? TypedResults.Created($"/api/v1/collaboration/reports/{view.Id}", view) : outcome.Failure!.ToProblem();
            })
            .WithSummary("Report a need or an offer the caller can see, or a message the other side of the caller's conversation wrote")
            .WithDescription("Body {targetKind (need, offer, message), targetId, reason (spam, abuse, fraud, other), note?}. Once per side and target (409 report.exists).");

        api.MapGet("", async Task<Results<Ok<ResultPage<ReportView>>, ProblemHttpResult>> (
                string? status, int? page, int? pageSize, ClaimsPrincipal user, ModerationService moderation, CancellationToken ct) =>
            {
                if (!MayModerate(user)) return MayNot();
                var wanted = status ?? ReportStatus.Open;
                string[] statuses = [ReportStatus.Open, ReportStatus.Hidden, ReportStatus.Dismissed];
                if (!statuses.Contains(wanted)) return Failure.NotOneOf(StatusField, wanted, statuses).ToProblem();
                var errors = new FieldErrors();
                var (p, size) = PageRequest.Read(page, pageSize, ModerationService.MaxPageSize, errors);
                if (!errors.IsEmpty) return Failure.Invalid(errors).ToProblem();
                return TypedResults.Ok(await moderation.ListAsync(Collaborator.Of(user), wanted, p, size, ct));
            })
            .WithSummary("Reports to review (status open, hidden or dismissed): the government's all, a park operator's about their park's enterprises and institutions");

        api.MapPost("/{id:int}/decision", async Task<Results<Ok<ReportView>, ProblemHttpResult>> (
                int id, ReportDecision decision, ClaimsPrincipal user, ModerationService moderation, CancellationToken ct) =>
            {
                if (!MayModerate(user)) return MayNot();
                var outcome = await moderation.DecideAsync(Collaborator.Of(user), id, decision, ct);
                return outcome.Value is { } view ? TypedResults.Ok(view) : outcome.Failure!.ToProblem();
            })
            .WithSummary("Decide a report: hide what was reported (a message hidden, a need closed, an offer withdrawn) or dismiss it; warn or suspend its author")
            .WithDescription($"Body {{action (hide, dismiss), warn, suspendDays (1-{ModerationService.MostSuspendDays})?, note?}}. Decides every open report of the same target; a suspended author cannot publish, start conversations or send messages (403 collaboration.suspended).");
    }

    private static bool MayModerate(ClaimsPrincipal user) => user.IsInRole(Roles.Government) || (user.IsInRole(Roles.ParkOperator) && user.ParkId() is not null);

    private static ProblemHttpResult MayNot() => Failure.Forbidden("Park operators and the government review reports.").ToProblem();
}
