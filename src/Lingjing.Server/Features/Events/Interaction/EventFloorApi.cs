using System.Security.Claims;
using Lingjing.Server.Infrastructure.Realtime;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lingjing.Server.Features.Events.Interaction;

/// <summary>Q&amp;A and polls under /api/v1/events/{id}/: for the people with a confirmed place and the organisers.</summary>
public static class EventFloorApi
{
    public static void MapEventFloorApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/events/{id:int}").WithTags("Events").RequireAuthorization();

        api.MapGet("/floor", async Task<Results<Ok<EventFloor>, ProblemHttpResult>> (int id, ClaimsPrincipal user, EventFloorService floor, CancellationToken ct) =>
                (await floor.FloorAsync(user, id, ct)).ToOk())
            .WithSummary("Questions by upvotes (answered last; hidden ones to organisers only) and polls with their results");

        api.MapGet("/floor/stream", async Task<Results<ServerSentEventsResult<object>, ProblemHttpResult>> (
                int id, HttpContext http, ClaimsPrincipal user, EventFloorService floor, EventFloorStream stream, CancellationToken ct) =>
                await floor.RoleAsync(user, id, ct) is null
                    ? (await floor.FloorAsync(user, id, ct)).Failure!.ToProblem()
                    : TypedResults.ServerSentEvents(stream.FollowAsync(user, id, LiveStreams.Lifetime(http))))
            .WithSummary("The floor as server-sent events: a \"floor\" event at once and on every change");

        api.MapPost("/questions", async Task<Results<Created<QuestionView>, ProblemHttpResult>> (
                int id, QuestionInput input, ClaimsPrincipal user, EventFloorService floor, CancellationToken ct) =>
                await floor.AskAsync(user, id, input, ct) is var asked && asked.Succeeded
                    ? TypedResults.Created($"/api/v1/events/{id}/floor", asked.Value) : asked.Failure!.ToProblem())
            .WithSummary("Ask a question (body {text, sessionId?})");

        api.MapPost("/questions/{questionId:int}/upvote", async Task<Results<Ok<int>, ProblemHttpResult>> (
                int id, int questionId, ClaimsPrincipal user, EventFloorService floor, CancellationToken ct) => (await floor.UpvoteAsync(user, id, questionId, ct)).ToOk())
            .WithSummary("Upvote a question, once per person; answers its upvotes");

        api.MapPost("/questions/{questionId:int}/moderation", async Task<Results<Ok<string>, ProblemHttpResult>> (
                int id, int questionId, ModerationInput input, ClaimsPrincipal user, EventFloorService floor, CancellationToken ct) =>
                (await floor.ModerateAsync(user, id, questionId, input.Status, ct)).ToOk())
            .WithSummary("Mark a question answered, hide it or open it again (organisers; body {status})");

        api.MapPost("/polls", async Task<Results<Ok<int>, ProblemHttpResult>> (int id, PollInput input, ClaimsPrincipal user, EventFloorService floor, CancellationToken ct) =>
                (await floor.OpenPollAsync(user, id, input, ct)).ToOk())
            .WithSummary("Open a poll (organisers; body {question, options: [2 to 10]}); answers its id");

        api.MapPost("/polls/{pollId:int}/close", async Task<Results<Ok<string>, ProblemHttpResult>> (
                int id, int pollId, ClaimsPrincipal user, EventFloorService floor, CancellationToken ct) => (await floor.ClosePollAsync(user, id, pollId, ct)).ToOk())
            .WithSummary("Close a poll (organisers)");

        api.MapPost("/polls/{pollId:int}/votes", async Task<Results<Ok<int>, ProblemHttpResult>> (
                int id, int pollId, VoteInput input, ClaimsPrincipal user, EventFloorService floor, CancellationToken ct) =>
                (await floor.VoteAsync(user, id, pollId, input.Option, ct)).ToOk())
            .WithSummary("Answer a poll, once per person (body {option}: its index)");
    }
}
