using System.Security.Claims;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.PolicyServices.Applications;
using Lingjing.Server.Features.PolicyServices.Matching;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Lingjing.Server.Infrastructure.Paging;
using Lingjing.Server.Infrastructure.Uploads;

namespace Lingjing.Server.Features.PolicyServices;

/// <summary>Policies over HTTP: read for everyone signed in, CRUD, publishing and previews for
/// government, eligibility explanations, an enterprise's matches and applications, the reviewers'
/// queue and transitions, and funnels.</summary>
public static class PoliciesApi
{
    public static void MapPoliciesApi(this WebApplication app)
    {
        var read = app.MapGroup("/api/v1/policies").WithTags("Policies").RequireAuthorization(Accounts.Policies.SignedIn);
        var gov = app.MapGroup("/api/v1/policies").WithTags("Policies").RequireAuthorization(Accounts.Policies.Government);
        var me = app.MapGroup("/api/v1/me/policies").WithTags("Policies").RequireAuthorization(Accounts.Policies.EnterpriseStaff);

        read.MapGet("/", async Task<Results<Ok<ResultPage<PolicyView>>, ProblemHttpResult>> (
                string? q, string? category, string? level, string? mode, string? status, string? stage, int? page, int? pageSize,
                ClaimsPrincipal user, PolicyService policies, CancellationToken ct) =>
            {
                if (Paging(page, pageSize, PolicyService.MaxPageSize, out var p, out var size) is { } bad) return bad;
                if (stage is not null && !PolicyLife.Stages.Contains(stage)) return Failure.NotOneOf(PolicyFilters.Stage, stage, PolicyLife.Stages).ToProblem();
                return TypedResults.Ok(await policies.ListAsync(new PolicyQuery(q, category, level, mode, status, p, size, stage), user.IsInRole(Roles.Government), ct));
            })
            .WithSummary("List policies")
            .WithDescription("Published policies, newest first; government also sees drafts and withdrawn ones (filter with status). Filters: q (title or department), category, level, mode, stage (open, upcoming, closed: today in the zone against opensOn and closesOn).");

        read.MapGet("/{id:int}", async Task<Results<Ok<PolicyView>, ProblemHttpResult>> (int id, ClaimsPrincipal user, PolicyService policies, CancellationToken ct) =>
                await policies.FindAsync(id, user.IsInRole(Roles.Government), ct) is { } policy
                    ? TypedResults.Ok(policies.View(policy))
                    : NotFound("There is no policy with id {0}.", id))
            .WithSummary("One policy, with its full text rendered to safe HTML");

        read.MapGet("/{id:int}/eligibility", async Task<Results<Ok<EligibilityView>, ProblemHttpResult>> (
                int id, int? enterpriseId, ClaimsPrincipal user, PolicyService policies, CancellationToken ct) =>
            {
                var government = user.IsInRole(Roles.Government);
                var target = enterpriseId ?? user.EnterpriseId();
                if (target is null) return Failure.Invalid(PolicyFilters.EnterpriseRequired()).ToProblem();
                // An enterprise may only ask about itself: any other id is simply not found.
                if (!government && target != user.EnterpriseId()) return NotFound("There is no enterprise with id {0}.", target);
                if (await policies.FindAsync(id, government, ct) is not { } policy) return NotFound("There is no policy with id {0}.", id);
                return (await policies.EligibilityAsync(policy, target.Value, ct)).ToOk();
            })
            .WithSummary("Whether an enterprise is eligible, clause by clause")
            .WithDescription("enterpriseId defaults to the caller's enterprise; only government may ask about other enterprises (others get 404).");

        gov.MapPost("/", async Task<Results<Created<PolicyView>, ProblemHttpResult>> (PolicyInput input, PolicyService policies, CancellationToken ct) =>
            {
                var outcome = await policies.CreateAsync(input, ct);
                return outcome.Value is { } policy ? TypedResults.Created($"/api/v1/policies/{policy.Id}", policies.View(policy)) : outcome.Failure!.ToProblem();
            })
            .WithSummary("Create a draft policy")
            .WithDescription("400 names the field; a rule or formula that does not parse gets 'ruleError' with position, line, column and message.");

        gov.MapPut("/{id:int}", async Task<Results<Ok<PolicyView>, ProblemHttpResult>> (int id, PolicyInput input, PolicyService policies, CancellationToken ct) =>
                Result(await policies.UpdateAsync(id, input, ct), policies.View))
            .WithSummary("Edit a policy; a published one is rematched against every enterprise");

        gov.MapDelete("/{id:int}", async Task<Results<NoContent, ProblemHttpResult>> (int id, PolicyService policies, CancellationToken ct) =>
                await policies.DeleteAsync(id, ct) is { } error ? error.ToProblem() : TypedResults.NoContent())
            .WithSummary("Delete a draft (409 for a published policy: withdraw it)");

        gov.MapPost("/{id:int}/publish", async Task<Results<Ok<PolicyView>, ProblemHttpResult>> (int id, ClaimsPrincipal user, PolicyService policies, CancellationToken ct) =>
                Result(await policies.PublishAsync(id, user.UserId(), ct), policies.View))
            .WithSummary("Publish a draft: match every enterprise, notify the eligible, grant no-application entitlements");

        gov.MapPost("/{id:int}/withdraw", async Task<Results<Ok<PolicyView>, ProblemHttpResult>> (int id, ClaimsPrincipal user, PolicyService policies, CancellationToken ct) =>
                Result(await policies.WithdrawAsync(id, user.UserId(), ct), policies.View))
            .WithSummary("Withdraw a published policy");

        gov.MapPost("/rematch", async Task<Ok<RematchSummary>> (PolicyService policies, CancellationToken ct) =>
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                var outcomes = await policies.RematchAllAsync(ct);
                return TypedResults.Ok(new RematchSummary(outcomes.Count, outcomes.Sum(o => o.Eligible), outcomes.Sum(o => o.NewlyEligible.Count),
                    outcomes.Sum(o => o.NoLongerEligible), outcomes.Sum(o => o.EntitlementsCreated), clock.ElapsedMilliseconds));
            })
            .WithSummary("Rematch every published policy against every enterprise");

        gov.MapPost("/rule-preview", async Task<Ok<RulePreview>> (RulePreviewRequest request, PolicyService policies, CancellationToken ct) =>
                TypedResults.Ok(await policies.PreviewAsync(request.Rule, request.BenefitFormula, ct)))
            .WithSummary("Evaluate a draft rule: eligible count, a sample and per-clause counts, or the error with its position");

        gov.MapPost("/rule-builder/read", async Task<Ok<Builder.BuilderReading>> (RulePreviewRequest request, Matching.ProfileSnapshotCache profiles, CancellationToken ct) =>
                TypedResults.Ok(Builder.RuleBuilderReader.Read(request.Rule ?? "", (await profiles.GetAsync(Matching.ProfileSnapshotCache.PreviewMaxAge, ct)).Vocabulary)))
            .WithSummary("Read a rule into the editor's builder: its conditions combined with all or any, or why it does not fit the builder");

        gov.MapGet("/{id:int}/funnel", async Task<Results<Ok<PolicyFunnel>, ProblemHttpResult>> (int id, PolicyAnalytics analytics, CancellationToken ct) =>
                await analytics.FunnelAsync(id, ct) is { } funnel ? TypedResults.Ok(funnel) : NotFound("There is no policy with id {0}.", id))
            .WithSummary("Eligible → applied → approved → paid for one policy");

        gov.MapGet("/analytics", async Task<Ok<PolicyAnalyticsView>> (PolicyAnalytics analytics, CancellationToken ct) =>
                TypedResults.Ok(await analytics.OverviewAsync(20, ct)))
            .WithSummary("Funnels of all policies: totals, by category, and the 20 most applied-to policies");

        gov.MapGet("/charts/funnel", async Task<Results<Ok<List<FunnelStage>>, ProblemHttpResult>> (int? policyId, PolicyAnalytics analytics, CancellationToken ct) =>
            {
                var stages = await analytics.FunnelStagesAsync(policyId, ct);
                return stages is null ? NotFound("There is no policy with id {0}.", policyId) : TypedResults.Ok(stages);
            })
            .WithSummary("Chart data: eligible → applied → approved → paid of one policy (policyId) or all; empty when all are zero");

        gov.MapGet("/charts/funnel-by-category", async Task<Ok<List<CategoryFunnel>>> (PolicyAnalytics analytics, CancellationToken ct) =>
                TypedResults.Ok((await analytics.OverviewAsync(0, ct)).Categories.Where(c => c.Eligible + c.Applied > 0).ToList()))
            .WithSummary("Chart data: the funnel per policy category");

        // Applications
        read.MapPost("/{id:int}/applications", async Task<Results<Created<ApplicationDetail>, ProblemHttpResult>> (
                int id, HttpRequest request, ClaimsPrincipal user, ApplicationService applications, CancellationToken ct) =>
            {
                if (!request.HasFormContentType) return BadInput("Send the application as multipart/form-data: contactName, contactPhone, statement and files in 'materials'.");
                var (form, unreadable) = await Infrastructure.Web.MultipartForm.ReadAsync(request, ct);
                if (form is null) return Failure.Invalid(unreadable!).ToProblem();
                var outcome = await applications.ApplyAsync(id, ApplicationViewer.Of(user),
                    new ApplicationForm(form["contactName"], form["contactPhone"], form["statement"]), form.Files.ToList(), ct);
                return outcome.Value is { } detail
                    ? TypedResults.Created($"/api/v1/policies/applications/{detail.Application.Id}", detail)
                    : outcome.Failure!.ToProblem();
            })
            .RequireAuthorization(Accounts.Policies.EnterpriseAdmin)
            .DisableAntiforgery()
            .WithSummary("Apply to a policy (enterprise administrators)")
            .WithDescription($"multipart/form-data: contactName, contactPhone, statement, and up to {MaterialRules.MaxFiles} files named 'materials' " +
                $"({MaterialRules.Allowed}, at most {MaterialRules.MaxFileBytes / 1024 / 1024} MB each). 409 for a second application, a no-application policy, " +
                "a passed deadline or an enterprise that is not eligible.");

        read.MapGet("/applications/{applicationId:guid}", async Task<Results<Ok<ApplicationDetail>, ProblemHttpResult>> (
                Guid applicationId, ClaimsPrincipal user, ApplicationService applications, CancellationToken ct) =>
                await applications.DetailAsync(applicationId, ApplicationViewer.Of(user), ct) is { } detail
                    ? TypedResults.Ok(detail)
                    : NotFound("There is no application with id {0}.", applicationId))
            .WithSummary("One application with its timeline and materials (its enterprise or government; others get 404)");

        read.MapGet("/applications/{applicationId:guid}/materials/{materialId:guid}", async Task<Results<PhysicalFileHttpResult, ProblemHttpResult>> (
                Guid applicationId, Guid materialId, ClaimsPrincipal user, ApplicationService applications, CancellationToken ct) =>
                await applications.MaterialAsync(applicationId, materialId, ApplicationViewer.Of(user), ct) is { } found
                    ? TypedResults.PhysicalFile(found.Path, found.Material.ContentType, found.Material.FileName)
                    : NotFound("There is no material {0} of application {1}.", materialId, applicationId))
            .WithSummary("Download a material");

        gov.MapGet("/applications", async Task<Results<Ok<ResultPage<ApplicationView>>, ProblemHttpResult>> (
                string? status, int? policyId, int? matterId, string? category, bool? automatic, string? q, [FromQuery(Name = "for")] string? subject,
                bool? overdue, int? page, int? pageSize, ApplicationService applications, CancellationToken ct) =>
            {
                if (status is not null && !ApplicationStatus.All.Contains(status)) return Failure.NotOneOf(PolicyFilters.Status, status, ApplicationStatus.All).ToProblem();
                if (subject is not null && !ApplicationSubjects.All.Contains(subject))
                    return Failure.NotOneOf(new Field("for", "For"), subject, ApplicationSubjects.All).ToProblem();
                if (Paging(page, pageSize, ApplicationService.MaxPageSize, out var p, out var size) is { } bad) return bad;
                return TypedResults.Ok(await applications.QueueAsync(new ApplicationQuery(status, policyId, category, automatic, q, p, size, subject, matterId, overdue), ct));
            })
            .WithSummary("Reviewers' queue: applications to policies and for matters, longest waiting first, filtered by status, policy, matter, " +
                "category, automatic, for (policy or matter), overdue (matters past their legal time limit) or q");

        MapMove(gov, "start-review", ApplicationStatus.UnderReview);
        MapMove(gov, "approve", ApplicationStatus.Approved);
        MapMove(gov, "reject", ApplicationStatus.Rejected);
        MapMove(gov, "pay", ApplicationStatus.Paid);

        me.MapGet("/matches", async Task<Results<Ok<MyPolicyMatches>, ProblemHttpResult>> (ClaimsPrincipal user, PolicyService policies, CancellationToken ct) =>
                user.EnterpriseId() is { } enterpriseId ? TypedResults.Ok(await policies.MatchesAsync(enterpriseId, ct)) : NotFound("You belong to no enterprise."))
            .WithSummary("Policies my enterprise qualifies for (with reasons) and almost qualifies for (the one failing clause)");

        me.MapGet("/applications", async Task<Results<Ok<List<ApplicationView>>, ProblemHttpResult>> (ClaimsPrincipal user, ApplicationService applications, CancellationToken ct) =>
                user.EnterpriseId() is { } enterpriseId ? TypedResults.Ok(await applications.MineAsync(enterpriseId, ct)) : NotFound("You belong to no enterprise."))
            .WithSummary("My enterprise's applications and entitlements, most recently changed first");
    }

    private static void MapMove(RouteGroupBuilder gov, string action, string to) =>
        gov.MapPost($"/applications/{{applicationId:guid}}/{action}", async Task<Results<Ok<ApplicationDetail>, ProblemHttpResult>> (
                Guid applicationId, ReviewDecision? decision, ClaimsPrincipal user, ApplicationService applications, CancellationToken ct) =>
                (await applications.MoveAsync(applicationId, to, ApplicationViewer.Of(user), decision ?? new ReviewDecision(null, null, null, null), ct)).ToOk())
            .WithSummary($"Move an application to {to} (409 when its status does not allow it)");

    public sealed record RulePreviewRequest(string? Rule, string? BenefitFormula);

    public sealed record RematchSummary(int Policies, int Eligible, int NewlyEligible, int NoLongerEligible, int EntitlementsCreated, long Milliseconds);

    private static ProblemHttpResult? Paging(int? page, int? pageSize, int max, out int p, out int size)
    {
        var errors = new FieldErrors();
        (p, size) = PageRequest.Read(page, pageSize, max, errors);
        return errors.IsEmpty ? null : Failure.Invalid(errors).ToProblem();
    }

    private static Results<Ok<TView>, ProblemHttpResult> Result<T, TView>(Outcome<T> outcome, Func<T, TView> view) =>
        outcome.Value is { } value ? TypedResults.Ok(view(value)) : outcome.Failure!.ToProblem();

    private static ProblemHttpResult BadInput(string detail, params object?[] args) => Failure.Invalid(detail, args).ToProblem();

    private static ProblemHttpResult NotFound(string detail, params object?[] args) => Failure.NotFound(detail, args).ToProblem();
}
