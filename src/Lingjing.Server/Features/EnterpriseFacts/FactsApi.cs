using System.Security.Claims;
using Lingjing.Server.Features.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Lingjing.Server.Infrastructure.Paging;

namespace Lingjing.Server.Features.EnterpriseFacts;

/// <summary>Verified facts over HTTP. An enterprise that is not the caller's own (or, for a park
/// operator, not in their park) answers 404, exactly like one that does not exist.</summary>
public static class FactsApi
{
    private static readonly Field FactField = new("fact", "Fact");
    private static readonly Field StatusField = new("status", "Status");

    public static void MapFactsApi(this WebApplication app)
    {
        var enterprise = app.MapGroup("/api/v1/enterprises/{id:int}").WithTags("Enterprise facts")
            .RequireAuthorization(p => p.RequireRole(Roles.Government, Roles.ParkOperator, Roles.EnterpriseAdmin, Roles.EnterpriseMember));
        var review = app.MapGroup("/api/v1/fact-changes").WithTags("Enterprise facts")
            .RequireAuthorization(p => p.RequireRole(Roles.Government, Roles.ParkOperator));

        enterprise.MapGet("/facts", async Task<Results<Ok<EnterpriseFacts>, ProblemHttpResult>> (
                int id, ClaimsPrincipal user, EnterpriseFactService facts, CancellationToken ct) =>
                await MayReadAsync(user, id, facts, ct) && await facts.FactsAsync(id, ct) is { } found ? TypedResults.Ok(found) : NoEnterprise(id))
            .WithSummary("The enterprise's deciding facts: value, provenance (registered, verified), who verified it, since when, and a pending declared value");

        enterprise.MapGet("/facts/history", async Task<Results<Ok<IReadOnlyList<FactHistoryView>>, ProblemHttpResult>> (
                int id, string? fact, ClaimsPrincipal user, EnterpriseFactService facts, CancellationToken ct) =>
            {
                if (fact is not null && !DecidingFacts.All.Contains(fact)) return Failure.NotOneOf(FactField, fact, DecidingFacts.All).ToProblem();
                return await MayReadAsync(user, id, facts, ct) ? TypedResults.Ok(await facts.HistoryAsync(id, fact, ct)) : NoEnterprise(id);
            })
            .WithSummary("Verified changes of the enterprise's facts, oldest first: who declared, who verified, when, old and new value");

        enterprise.MapGet("/fact-changes", async Task<Results<Ok<IReadOnlyList<FactChangeView>>, ProblemHttpResult>> (
                int id, ClaimsPrincipal user, EnterpriseFactService facts, CancellationToken ct) =>
                await MayReadAsync(user, id, facts, ct) ? TypedResults.Ok(await facts.ChangesAsync(id, ct)) : NoEnterprise(id))
            .WithSummary("The enterprise's declared changes and their decisions, newest first");

        enterprise.MapPost("/fact-changes", async Task<Results<Ok<IReadOnlyList<FactChangeView>>, ProblemHttpResult>> (
                int id, FactDeclaration declaration, ClaimsPrincipal user, EnterpriseFactService facts, CancellationToken ct) =>
            {
                // Only the enterprise's own administrators declare; everyone else is told it does not exist.
                if (!user.IsInRole(Roles.EnterpriseAdmin) || user.EnterpriseId() != id) return NoEnterprise(id);
                return (await facts.DeclareAsync(id, FactDeclarant.Of(user), declaration, ct)).ToOk();
            })
            .WithSummary("Declare new employees and/or tags (enterprise administrators): pending until the park operator or the government approves")
            .WithDescription("Body {employees?, tags?, note?}. Returns the enterprise's pending changes. Values equal to the verified ones withdraw a pending change.");

        review.MapGet("", async Task<Results<Ok<ResultPage<FactChangeView>>, ProblemHttpResult>> (
                string? status, int? page, int? pageSize, ClaimsPrincipal user, FactReviewService reviews, CancellationToken ct) =>
            {
                var wanted = status ?? FactChangeStatus.Pending;
                if (!FactChangeStatus.All.Contains(wanted)) return Failure.NotOneOf(StatusField, wanted, FactChangeStatus.All).ToProblem();
                var errors = new FieldErrors();
                var (p, size) = PageRequest.Read(page, pageSize, FactReviewService.MaxPageSize, errors);
                if (!errors.IsEmpty) return Failure.Invalid(errors).ToProblem();
                return TypedResults.Ok(await reviews.QueueAsync(FactReviewer.Of(user), wanted, p, size, ct));
            })
            .WithSummary("The review queue of declared changes (park operators: their park's enterprises; government: all), pending longest waiting first");

        review.MapGet("/{changeId:guid}", async Task<Results<Ok<FactChangeView>, ProblemHttpResult>> (
                Guid changeId, ClaimsPrincipal user, FactReviewService reviews, CancellationToken ct) =>
                await reviews.FindAsync(changeId, FactReviewer.Of(user), ct) is { } change ? TypedResults.Ok(change) : NoChange(changeId))
            .WithSummary("One declared change");

        review.MapPost("/{changeId:guid}/approve", async Task<Results<Ok<FactChangeView>, ProblemHttpResult>> (
                Guid changeId, ClaimsPrincipal user, FactReviewService reviews, CancellationToken ct) =>
                (await reviews.ApproveAsync(changeId, FactReviewer.Of(user), ct)).ToOk())
            .WithSummary("Approve: the declared value becomes the verified fact, policies decide again, both sides are notified");

        review.MapPost("/{changeId:guid}/reject", async Task<Results<Ok<FactChangeView>, ProblemHttpResult>> (
                Guid changeId, FactRejection? rejection, ClaimsPrincipal user, FactReviewService reviews, CancellationToken ct) =>
                (await reviews.RejectAsync(changeId, FactReviewer.Of(user), rejection?.Reason, ct)).ToOk())
            .WithSummary("Reject with a reason {reason}: the verified value stays, both sides are notified");
    }

    /// <summary>Government reads every enterprise, a park operator those of their park, staff their own.</summary>
    public static async Task<bool> MayReadAsync(ClaimsPrincipal user, int enterpriseId, EnterpriseFactService facts, CancellationToken ct)
    {
        if (user.IsInRole(Roles.Government)) return true;
        if ((user.IsInRole(Roles.EnterpriseAdmin) || user.IsInRole(Roles.EnterpriseMember)) && user.EnterpriseId() == enterpriseId) return true;
        return user.IsInRole(Roles.ParkOperator) && user.ParkId() is { } park && await facts.ParkOfAsync(enterpriseId, ct) == park;
    }

    private static ProblemHttpResult NoEnterprise(int id) => Failure.NotFound("There is no enterprise with id {0}.", id).ToProblem();

    private static ProblemHttpResult NoChange(Guid id) => Failure.NotFound("There is no fact change with id {0}.", id).ToProblem();
}
