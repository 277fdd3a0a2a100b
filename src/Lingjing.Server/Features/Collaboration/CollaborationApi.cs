using System.Security.Claims;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Collaboration.Conversations;
using Lingjing.Server.Features.Collaboration.Matching;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Paging;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lingjing.Server.Features.Collaboration;

/// <summary>Needs and offers over HTTP, under /api/v1/collaboration. Every signed-in person reads what they may see;
/// the enterprise's administrators and members publish and answer for it, a service institution's staff answer with its
/// offers.</summary>
public static class CollaborationApi
{
    private static readonly Field SegmentField = new("segment", "Industry chain segment");
    private static readonly Field StatusField = new("status", "Status");
    private static readonly Field KindField = new("kind", "Kind of offer");
    private static readonly Field LimitField = new("limit", "How many");

    public static void MapCollaborationApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/collaboration").WithTags("Collaboration")
            .RequireAuthorization(p => p.RequireRole(Roles.Government, Roles.ParkOperator, Roles.EnterpriseAdmin, Roles.EnterpriseMember, Roles.Employee, Roles.InstitutionStaff));

        api.MapGet("/taxonomy", () => TypedResults.Ok(new CollaborationTaxonomy(
                IndustryChain.Stages, IndustryChain.Segments, PartnerSizes.All, OfferKinds.All, Visibilities.All, AmountBands.All)))
            .WithSummary("The industry chain (stages and segments, with the enterprise categories usually found in each), partner sizes, kinds of offer, visibilities and amount bands");

        MapNeeds(api);
        MapOffers(api);
        MapAgreements(api);
        api.MapConversationsApi();
        api.MapContactRuleApi();
    }

    private static void MapNeeds(RouteGroupBuilder api)
    {
        api.MapGet("/needs", async Task<Results<Ok<ResultPage<NeedView>>, ProblemHttpResult>> (
                string? q, string? segment, string? status, int? parkId, bool? mine, int? page, int? pageSize,
                ClaimsPrincipal user, NeedService needs, CancellationToken ct) =>
            {
                if (segment is not null && IndustryChain.Find(segment) is null) return Failure.NotOneOf(SegmentField, segment, IndustryChain.Segments.Select(s => s.Code)).ToProblem();
                if (status is not null && !NeedStatus.All.Contains(status)) return Failure.NotOneOf(StatusField, status, NeedStatus.All).ToProblem();
                var errors = new FieldErrors();
                var (p, size) = PageRequest.Read(page, pageSize, NeedService.MaxPageSize, errors);
                if (!errors.IsEmpty) return Failure.Invalid(errors).ToProblem();
                return TypedResults.Ok(await needs.ListAsync(Collaborator.Of(user), new NeedQuery(q, segment, status, parkId, mine ?? false), p, size, ct));
            })
            .WithSummary("Needs the caller may see, newest first")
            .WithDescription("Filters: q (words in the title or description, any case), segment, status (open, in_talks, agreed, closed), parkId (the publisher's park), mine (only the caller's enterprise's).");

        api.MapGet("/feed", async Task<Results<Ok<IReadOnlyList<FeedItem>>, ProblemHttpResult>> (
                int? limit, ClaimsPrincipal user, NeedFeed feed, CancellationToken ct) =>
            {
                var count = limit ?? NeedFeed.DefaultLimit;
                if (count is < 1 or > NeedFeed.MaxLimit) return OutOfRange(LimitField, count, NeedFeed.MaxLimit);
                return (await feed.RecommendedAsync(Collaborator.Of(user), count, ct)).ToOk();
            })
            .WithSummary("Recommended for you: open needs the caller's enterprise could answer, best first, each with its score and reasons");

        api.MapPost("/needs", async Task<Results<Created<NeedDetail>, ProblemHttpResult>> (
                NeedInput input, ClaimsPrincipal user, NeedService needs, CancellationToken ct) =>
            {
                if (!Collaborator.MayPublish(user)) return MayNotPublish();
                return Created(await needs.PublishAsync(Collaborator.Of(user), input, ct), need => $"/api/v1/collaboration/needs/{need.Need.Id}");
            })
            .WithSummary("Publish a need of the caller's enterprise (administrators and members)")
            .WithDescription("Body {title, description?, segment, tags?, budgetMinYuan?, budgetMaxYuan?, deadline?, partnerSize?, visibility? (zone, parks, invited), parkIds?, invitedEnterpriseIds?}.");

        api.MapGet("/needs/{id:int}", async Task<Results<Ok<NeedDetail>, ProblemHttpResult>> (
                int id, ClaimsPrincipal user, NeedService needs, CancellationToken ct) =>
                await needs.FindAsync(Collaborator.Of(user), id, ct) is { } need ? TypedResults.Ok(need) : NoNeed(id))
            .WithSummary("One need with its history; a need the caller may not see answers 404");

        api.MapGet("/needs/{id:int}/matches", async Task<Results<Ok<NeedMatches>, ProblemHttpResult>> (
                int id, int? limit, ClaimsPrincipal user, NeedMatching matching, CancellationToken ct) =>
            {
                var count = limit ?? NeedMatching.DefaultLimit;
                if (count is < 1 or > NeedMatching.MaxLimit) return OutOfRange(LimitField, count, NeedMatching.MaxLimit);
                return await matching.MatchesAsync(Collaborator.Of(user), id, count, ct) is { } matches ? TypedResults.Ok(matches) : NoNeed(id);
            })
            .WithSummary("Enterprises and offers ranked for the need (its enterprise, the government and its park's operator)")
            .WithDescription("Each match has a score out of 100 made of named parts (words 40, chain 25, size 10, qualifications 5, distance 10, record 10), each with its points, its most and the reason in the reader's language. limit: 1-100, default 20.");

        api.MapPut("/needs/{id:int}", async Task<Results<Ok<NeedDetail>, ProblemHttpResult>> (
                int id, NeedInput input, ClaimsPrincipal user, NeedService needs, CancellationToken ct) =>
                Collaborator.MayPublish(user) ? (await needs.EditAsync(Collaborator.Of(user), id, input, ct)).ToOk() : NoNeed(id))
            .WithSummary("Edit a need of the caller's enterprise while it is open or in talks");

        api.MapPost("/needs/{id:int}/status", async Task<Results<Ok<NeedDetail>, ProblemHttpResult>> (
                int id, NeedMove move, ClaimsPrincipal user, NeedService needs, CancellationToken ct) =>
                Collaborator.MayPublish(user) ? (await needs.MoveAsync(Collaborator.Of(user), id, move, ct)).ToOk() : NoNeed(id))
            .WithSummary("Move a need of the caller's enterprise: open → in_talks → agreed, in_talks → open, or closed; body {status, note?}");
    }

    private static void MapOffers(RouteGroupBuilder api)
    {
        api.MapGet("/offers", async Task<Results<Ok<ResultPage<OfferView>>, ProblemHttpResult>> (
                string? q, string? segment, string? kind, int? enterpriseId, int? institutionId, bool? mine, int? page, int? pageSize,
                ClaimsPrincipal user, OfferService offers, CancellationToken ct) =>
            {
                if (segment is not null && IndustryChain.Find(segment) is null) return Failure.NotOneOf(SegmentField, segment, IndustryChain.Segments.Select(s => s.Code)).ToProblem();
                if (kind is not null && !OfferKinds.Codes.Contains(kind)) return Failure.NotOneOf(KindField, kind, OfferKinds.Codes).ToProblem();
                var errors = new FieldErrors();
                var (p, size) = PageRequest.Read(page, pageSize, OfferService.MaxPageSize, errors);
                if (!errors.IsEmpty) return Failure.Invalid(errors).ToProblem();
                return TypedResults.Ok(await offers.ListAsync(Collaborator.Of(user), new OfferQuery(q, segment, kind, enterpriseId, mine ?? false, institutionId), p, size, ct));
            })
            .WithSummary("Active offers of the zone's enterprises and service institutions, most recently updated first")
            .WithDescription("Filters: q (words in the title or description), segment, kind (capability, service, product), enterpriseId, institutionId, mine (the caller's enterprise's or institution's, withdrawn ones included).");

        api.MapPost("/offers", async Task<Results<Created<OfferView>, ProblemHttpResult>> (
                OfferInput input, ClaimsPrincipal user, OfferService offers, CancellationToken ct) =>
            {
                if (!Collaborator.MayAnswer(user)) return MayNotOffer();
                return Created(await offers.PublishAsync(Collaborator.Of(user), input, ct), offer => $"/api/v1/collaboration/offers/{offer.Id}");
            })
            .WithSummary("Publish an offer of the caller's enterprise (administrators and members) or institution (its staff)")
            .WithDescription("Body {kind (capability, service, product), title, description?, segment, tags?, priceMinYuan?, priceMaxYuan?, examples? (past work, one line each)}.");

        api.MapGet("/offers/{id:int}", async Task<Results<Ok<OfferView>, ProblemHttpResult>> (
                int id, ClaimsPrincipal user, OfferService offers, CancellationToken ct) =>
                await offers.FindAsync(Collaborator.Of(user), id, ct) is { } offer ? TypedResults.Ok(offer) : NoOffer(id))
            .WithSummary("One offer");

        api.MapPut("/offers/{id:int}", async Task<Results<Ok<OfferView>, ProblemHttpResult>> (
                int id, OfferInput input, ClaimsPrincipal user, OfferService offers, CancellationToken ct) =>
                Collaborator.MayAnswer(user) ? (await offers.EditAsync(Collaborator.Of(user), id, input, ct)).ToOk() : NoOffer(id))
            .WithSummary("Edit an active offer of the caller's enterprise or institution");

        api.MapPost("/offers/{id:int}/withdraw", async Task<Results<Ok<OfferView>, ProblemHttpResult>> (
                int id, ClaimsPrincipal user, OfferService offers, CancellationToken ct) =>
                Collaborator.MayAnswer(user) ? (await offers.WithdrawAsync(Collaborator.Of(user), id, ct)).ToOk() : NoOffer(id))
            .WithSummary("Withdraw an offer of the caller's enterprise or institution: it leaves lists and matching");
    }

    private static void MapAgreements(RouteGroupBuilder api)
    {
        api.MapPost("/needs/{id:int}/agreements", async Task<Results<Created<AgreementView>, ProblemHttpResult>> (
                int id, AgreementProposal proposal, ClaimsPrincipal user, AgreementService agreements, CancellationToken ct) =>
            {
                if (!Collaborator.MayPublish(user)) return NoNeed(id);
                return Created(await agreements.ProposeAsync(Collaborator.Of(user), id, proposal, ct), agreement => $"/api/v1/collaboration/agreements/{agreement.Id}");
            })
            .WithSummary("Propose an agreement on a need of the caller's enterprise to a partner who can see it")
            .WithDescription("Body {partnerEnterpriseId or partnerInstitutionId, what, amountBand (under-100k, 100k-500k, 500k-1m, 1m-5m, over-5m), startsOn, endsOn?}. The partner confirms or declines.");

        api.MapGet("/agreements", async Task<Results<Ok<ResultPage<AgreementView>>, ProblemHttpResult>> (
                int? page, int? pageSize, ClaimsPrincipal user, AgreementService agreements, CancellationToken ct) =>
            {
                var errors = new FieldErrors();
                var (p, size) = PageRequest.Read(page, pageSize, AgreementService.MaxPageSize, errors);
                if (!errors.IsEmpty) return Failure.Invalid(errors).ToProblem();
                return TypedResults.Ok(await agreements.ListAsync(Collaborator.Of(user), p, size, ct));
            })
            .WithSummary("Agreements of the caller's enterprise (a park operator: those of their park's enterprises; the government: all), newest first, paged");

        api.MapGet("/agreements/{id:int}", async Task<Results<Ok<AgreementView>, ProblemHttpResult>> (
                int id, ClaimsPrincipal user, AgreementService agreements, CancellationToken ct) =>
                await agreements.FindAsync(Collaborator.Of(user), id, ct) is { } agreement ? TypedResults.Ok(agreement) : NoAgreement(id))
            .WithSummary("One agreement with its ratings");

        api.MapPost("/agreements/{id:int}/confirm", async Task<Results<Ok<AgreementView>, ProblemHttpResult>> (
                int id, ClaimsPrincipal user, AgreementService agreements, CancellationToken ct) =>
                Collaborator.MayAnswer(user) ? (await agreements.ConfirmAsync(Collaborator.Of(user), id, ct)).ToOk() : NoAgreement(id))
            .WithSummary("Confirm a proposed agreement (the partner): it holds, and its need becomes agreed");

        api.MapPost("/agreements/{id:int}/decline", async Task<Results<Ok<AgreementView>, ProblemHttpResult>> (
                int id, ClaimsPrincipal user, AgreementService agreements, CancellationToken ct) =>
                Collaborator.MayAnswer(user) ? (await agreements.DeclineAsync(Collaborator.Of(user), id, ct)).ToOk() : NoAgreement(id))
            .WithSummary("Decline a proposed agreement (the partner)");

        api.MapPost("/agreements/{id:int}/ratings", async Task<Results<Ok<AgreementView>, ProblemHttpResult>> (
                int id, AgreementRatingInput rating, ClaimsPrincipal user, AgreementService agreements, CancellationToken ct) =>
                Collaborator.MayAnswer(user) ? (await agreements.RateAsync(Collaborator.Of(user), id, rating, ct)).ToOk() : NoAgreement(id))
            .WithSummary("Rate the other side of a confirmed agreement, once per side: body {stars (1-5), comment?}");
    }

    private static Results<Created<T>, ProblemHttpResult> Created<T>(Outcome<T> outcome, Func<T, string> location) =>
        outcome.Value is { } value ? TypedResults.Created(location(value), value) : outcome.Failure!.ToProblem();

    private static ProblemHttpResult OutOfRange(Field field, int value, int most)
    {
        var errors = new FieldErrors();
        errors.Add(field, PageRequest.OutOfRange, 1, most, value);
        return Failure.Invalid(errors).ToProblem();
    }

    private static ProblemHttpResult MayNotPublish() =>
        Failure.Forbidden("Only an enterprise's administrators and members publish for it.").ToProblem();

    private static ProblemHttpResult MayNotOffer() =>
        Failure.Forbidden("Only an enterprise's administrators and members, or an institution's staff, publish offers.").ToProblem();

    private static ProblemHttpResult NoNeed(int id) => Failure.NotFound("There is no need with id {0}.", id).ToProblem();

    private static ProblemHttpResult NoAgreement(int id) => Failure.NotFound("There is no agreement with id {0}.", id).ToProblem();

    private static ProblemHttpResult NoOffer(int id) => Failure.NotFound("There is no offer with id {0}.", id).ToProblem();
}

/// <summary>The fixed lists needs and offers are described with.</summary>
public sealed record CollaborationTaxonomy(
    IReadOnlyList<CatalogueEntry> Stages, IReadOnlyList<ChainSegment> Segments, IReadOnlyList<CatalogueEntry> PartnerSizes,
    IReadOnlyList<CatalogueEntry> OfferKinds, IReadOnlyList<string> Visibilities, IReadOnlyList<CatalogueEntry> AmountBands);
