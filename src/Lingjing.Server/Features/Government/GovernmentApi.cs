using System.Security.Claims;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Government.Consultations;
using Lingjing.Server.Features.Government.Notices;
using Lingjing.Server.Infrastructure.Paging;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lingjing.Server.Features.Government;

/// <summary>
/// The government's notices (<c>/api/v1/notices</c>: public list and page, published by the government) and public
/// consultations (<c>/api/v1/consultations</c>: public list and page with the comments; the government opens one and
/// responds once it closed; enterprises' people comment until then).
/// </summary>
public static class GovernmentApi
{
    public static void MapGovernmentApi(this WebApplication app)
    {
        var notices = app.MapGroup("/api/v1/notices").WithTags("Notices and consultations");
        notices.MapGet("/", async Task<Results<Ok<ResultPage<NoticeView>>, ProblemHttpResult>> (
                int? park, string? category, int? page, int? pageSize, NoticeService service, CancellationToken ct) =>
            {
                var errors = new FieldErrors();
                var (p, size) = PageRequest.Read(page, pageSize, NoticeService.MaxPageSize, errors);
                if (!errors.IsEmpty) return Failure.Invalid(errors).ToProblem();
                return TypedResults.Ok(await service.ListAsync(park, category, p, size, ct));
            })
            .AllowAnonymous()
            .WithSummary("The government's notices, newest first; with park or category (an industry), those for it and those for everyone");
        notices.MapGet("/{id:int}", async Task<Results<Ok<NoticeView>, ProblemHttpResult>> (int id, NoticeService service, CancellationToken ct) =>
                await service.FindAsync(id, ct) is { } notice ? TypedResults.Ok(notice) : Failure.NotFound("There is no notice with id {0}.", id).ToProblem())
            .AllowAnonymous()
            .WithSummary("One notice");
        notices.MapPost("/", async Task<Results<Created<NoticeView>, ProblemHttpResult>> (NoticeInput input, ClaimsPrincipal user, NoticeService service, CancellationToken ct) =>
                Created(await service.PublishAsync(input, user, ct), notice => $"/api/v1/notices/{notice.Id}"))
            .RequireAuthorization(Policies.Government)
            .WithSummary("Publish a notice to the enterprises of the parks, industries and size classes named (none named: all); each is notified once");

        var consultations = app.MapGroup("/api/v1/consultations").WithTags("Notices and consultations");
        consultations.MapGet("/", async (ConsultationService service, CancellationToken ct) => TypedResults.Ok(await service.ListAsync(ct)))
            .AllowAnonymous()
            .WithSummary("Public consultations: the open ones first (closing soonest), then the closed ones");
        consultations.MapGet("/{id:int}", async Task<Results<Ok<ConsultationDetail>, ProblemHttpResult>> (int id, ClaimsPrincipal user, ConsultationService service, CancellationToken ct) =>
                await service.DetailAsync(id, user, ct) is { } detail ? TypedResults.Ok(detail) : Failure.NotFound("There is no consultation with id {0}.", id).ToProblem())
            .AllowAnonymous()
            .WithSummary("A consultation with its draft, the enterprises' comments and the government's response");
        consultations.MapPost("/", async Task<Results<Created<ConsultationView>, ProblemHttpResult>> (ConsultationInput input, ClaimsPrincipal user, ConsultationService service, CancellationToken ct) =>
                Created(await service.OpenAsync(input, user, ct), opened => $"/api/v1/consultations/{opened.Id}"))
            .RequireAuthorization(Policies.Government)
            .WithSummary("Open a consultation on a draft until closesAt; every enterprise is told");
        consultations.MapPost("/{id:int}/comments", async Task<Results<Created<CommentView>, ProblemHttpResult>> (int id, CommentInput input, ClaimsPrincipal user, ConsultationService service, CancellationToken ct) =>
                Created(await service.CommentAsync(id, input, user, ct), _ => $"/api/v1/consultations/{id}"))
            .RequireAuthorization(Policies.EnterpriseStaff)
            .WithSummary("Comment on the draft as one's enterprise, until the consultation closes (409 consultation.closed after)");
        consultations.MapPost("/{id:int}/response", async Task<Results<Ok<ConsultationView>, ProblemHttpResult>> (int id, ResponseInput input, ConsultationService service, CancellationToken ct) =>
                (await service.RespondAsync(id, input, ct)).ToOk())
            .RequireAuthorization(Policies.Government)
            .WithSummary("Publish the government's response once the consultation has closed; whoever commented is told");
    }

    private static Results<Created<T>, ProblemHttpResult> Created<T>(Outcome<T> outcome, Func<T, string> location) =>
        outcome.Value is { } made ? TypedResults.Created(location(made), made) : outcome.Failure!.ToProblem();
}
