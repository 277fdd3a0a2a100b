using System.Security.Claims;
using Lingjing.Server.Features.Events.Interaction;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lingjing.Server.Features.Events.Stage;

/// <summary>The hall's stage, chat and reactions under /api/v1/events/{id}/: for the people with a confirmed place and
/// the organisers, who moderate. Changes reach everyone through the floor's stream (<c>/floor/stream</c>).</summary>
public static class StageApi
{
    public static void MapStageApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/events/{id:int}").WithTags("Events").RequireAuthorization();

        api.MapGet("/stage", async (int id, ClaimsPrincipal user, EventStageService stage, CancellationToken ct) =>
                (await stage.StageAsync(user, id, ct)).ToOk())
            .WithSummary("Who is on stage and at the microphone, the raised hands (names to organisers), your own place");

        api.MapPost("/stage/hand", async (int id, ClaimsPrincipal user, EventStageService stage, CancellationToken ct) =>
                (await stage.RaiseHandAsync(user, id, ct)).ToOk())
            .WithSummary("Raise your hand to speak; answers the stage");

        api.MapDelete("/stage/me", async (int id, ClaimsPrincipal user, EventStageService stage, CancellationToken ct) =>
                (await stage.StepBackAsync(user, id, ct)).ToOk())
            .WithSummary("Lower your hand, give the microphone back or step down from the stage; answers the stage");

        api.MapPut("/stage/people/{userId:guid}", async (int id, Guid userId, PlaceInput input, ClaimsPrincipal user, EventStageService stage, CancellationToken ct) =>
                (await stage.PlaceAsync(user, id, userId, input, ct)).ToOk())
            .WithSummary("Bring someone on stage, give them the microphone or send them back to the audience (organisers; body {place}: stage, microphone or audience)")
            .WithDescription($"At most {EventStageService.MaxAmplified} people are on stage or at the microphone at once (409 beyond). Whoever is there is heard and seen by everyone in the hall.");

        api.MapGet("/chat", async (int id, ClaimsPrincipal user, EventChatService chat, CancellationToken ct) =>
                (await chat.LinesAsync(user, id, ct)).ToOk())
            .WithSummary($"The latest {EventChatService.Shown} messages of the chat of the session running now, oldest first");

        api.MapPost("/chat", async (int id, ChatInput input, ClaimsPrincipal user, EventChatService chat, CancellationToken ct) =>
                (await chat.PostAsync(user, id, input, ct)).ToOk())
            .WithSummary($"Write in the chat of the session running now (body {{text}}, up to {EventChatService.MaxText} characters; one message a second, 429 beyond)");

        api.MapPost("/chat/{messageId:long}/hide", async (int id, long messageId, ClaimsPrincipal user, EventChatService chat, CancellationToken ct) =>
                (await chat.HideAsync(user, id, messageId, ct)).ToOk())
            .WithSummary("Hide a chat message from everyone (organisers)");

        // Only who may react is read (thousands react at once): not the whole stage.
        api.MapPost("/reactions", async (int id, ReactionInput input, ClaimsPrincipal user, EventFloorService floor, EventReactions reactions, CancellationToken ct) =>
                await floor.RoleAsync(user, id, ct) is null ? EventStageService.NotInTheHall(id).ToProblem() : reactions.React(user, id, input).ToOk())
            .WithSummary($"React with an emoji ({string.Join(" ", EventReactions.Allowed)}); everyone in the hall sees the counts, every quarter second; one every half second per person (429 beyond)");
    }
}
