using System.Security.Claims;
using System.Text.Json;
using Lingjing.Server.Infrastructure.Paging;
using Lingjing.Server.Infrastructure.Realtime;
using Lingjing.Server.Infrastructure.Uploads;
using Lingjing.Server.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lingjing.Server.Features.Collaboration.Conversations;

/// <summary>Conversations over HTTP, under /api/v1/collaboration: for an enterprise's administrators and members and an
/// institution's staff. A message is JSON <c>{body}</c>, or multipart/form-data with <c>body</c> and one file in
/// <c>attachment</c>.</summary>
public static class ConversationsApi
{
    private static readonly string MessageForms =
        $"Body: JSON {{body}}, or multipart/form-data with body and one file named 'attachment' ({MaterialRules.Allowed}, at most {MaterialRules.MaxFileBytes / 1024 / 1024} MB).";

    public static void MapConversationsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/needs/{id:int}/conversations", async Task<Results<Created<ConversationDetail>, ProblemHttpResult>> (
                int id, HttpRequest request, ClaimsPrincipal user, ConversationService conversations, CancellationToken ct) =>
            {
                if (!Collaborator.MayAnswer(user)) return MayNotTalk();
                var (body, file, problem) = await ReadMessageAsync(request, ct);
                if (problem is not null) return problem;
                return Created(await conversations.StartOnNeedAsync(Collaborator.Of(user), id, body, file, ct));
            })
            .DisableAntiforgery()
            .WithSummary("Write to the enterprise of a need the caller can see; writing again continues the same conversation")
            .WithDescription(MessageForms + " 409 for one's own need or a need no longer open (new conversations); 429 past the daily limit of new conversations or the hourly limit of messages.");

        api.MapPost("/offers/{id:int}/conversations", async Task<Results<Created<ConversationDetail>, ProblemHttpResult>> (
                int id, HttpRequest request, ClaimsPrincipal user, ConversationService conversations, CancellationToken ct) =>
            {
                if (!Collaborator.MayAnswer(user)) return MayNotTalk();
                var (body, file, problem) = await ReadMessageAsync(request, ct);
                if (problem is not null) return problem;
                return Created(await conversations.StartOnOfferAsync(Collaborator.Of(user), id, body, file, ct));
            })
            .DisableAntiforgery()
            .WithSummary("Write to the enterprise or institution of an active offer; writing again continues the same conversation")
            .WithDescription(MessageForms);

        api.MapGet("/conversations", async Task<Results<Ok<ResultPage<ConversationSummary>>, ProblemHttpResult>> (
                bool? unread, int? page, int? pageSize, ClaimsPrincipal user, ConversationService conversations, CancellationToken ct) =>
            {
                if (!Collaborator.MayAnswer(user)) return MayNotTalk();
                var errors = new FieldErrors();
                var (p, size) = PageRequest.Read(page, pageSize, ConversationService.MaxPageSize, errors);
                if (!errors.IsEmpty) return Failure.Invalid(errors).ToProblem();
                return TypedResults.Ok(await conversations.ListAsync(Collaborator.Of(user), unread ?? false, p, size, ct));
            })
            .WithSummary("The conversations of the caller's enterprise or institution, most recently active first, each with its unread count")
            .WithDescription("unread=true: only those with messages the caller's side has not read.");

        api.MapGet("/conversations/unread", async Task<Results<Ok<UnreadMessages>, ProblemHttpResult>> (
                ClaimsPrincipal user, ConversationService conversations, CancellationToken ct) =>
                Collaborator.MayAnswer(user) ? TypedResults.Ok(new UnreadMessages(await conversations.UnreadCountAsync(Collaborator.Of(user), ct))) : MayNotTalk())
            .WithSummary("How many messages of the other sides the caller's enterprise or institution has not read");

        api.MapGet("/conversations/stream", Results<ServerSentEventsResult<object>, ProblemHttpResult> (
                HttpContext http, ClaimsPrincipal user, ConversationStream stream) =>
                Collaborator.MayAnswer(user) ? TypedResults.ServerSentEvents(stream.InboxAsync(Collaborator.Of(user), LiveStreams.Lifetime(http))) : MayNotTalk())
            .WithSummary("The caller's conversations as server-sent events: an 'inbox' event ({unread, lastActivity}) at once and whenever one changes");

        api.MapGet("/conversations/{id:int}", async Task<Results<Ok<ConversationDetail>, ProblemHttpResult>> (
                int id, int? before, ClaimsPrincipal user, ConversationService conversations, CancellationToken ct) =>
                Collaborator.MayAnswer(user) && await conversations.DetailAsync(Collaborator.Of(user), id, before, ct) is { } detail
                    ? TypedResults.Ok(detail) : NoConversation(id))
            .WithSummary("A conversation with its latest messages, oldest first; before=<message id> pages back")
            .WithDescription($"At most {ConversationService.MessagesPerPage} messages; hasEarlier tells whether older ones exist. readByOtherTo: the last message the other side has read.");

        api.MapPost("/conversations/{id:int}/messages", async Task<Results<Created<ConversationDetail>, ProblemHttpResult>> (
                int id, HttpRequest request, ClaimsPrincipal user, ConversationService conversations, CancellationToken ct) =>
            {
                if (!Collaborator.MayAnswer(user)) return NoConversation(id);
                var (body, file, problem) = await ReadMessageAsync(request, ct);
                if (problem is not null) return problem;
                return Created(await conversations.SendAsync(Collaborator.Of(user), id, body, file, ct));
            })
            .DisableAntiforgery()
            .WithSummary("Send a message into a conversation of the caller's side")
            .WithDescription(MessageForms + " 429 past the hourly limit of messages.");

        api.MapPost("/conversations/{id:int}/meetings", async Task<Results<Created<ConversationDetail>, ProblemHttpResult>> (
                int id, MeetingInput input, ClaimsPrincipal user, ConversationMeetings meetings, CancellationToken ct) =>
                Collaborator.MayAnswer(user) ? Created(await meetings.InviteAsync(Collaborator.Of(user), user, id, input, ct)) : NoConversation(id))
            .WithSummary("Invite the other side to meet: in a meeting room booked through the bookings feature, or in a park's 3D world")
            .WithDescription("Body {kind (meeting_room, park_world), spaceId (a meeting room, for meeting_room), parkId (park_world; default the caller's park), start, end (ISO 8601 with an offset), note?}. " +
                "A meeting room is booked like any booking, by the caller: its rules, quotas and approvals apply, and a refusal (409 booking.taken with alternatives, 403, 400) is returned as is. " +
                "The other side's message carries the meeting room's invitation, which admits them to its room in the world.");

        api.MapPost("/conversations/{id:int}/read", async Task<Results<Ok<ConversationSummary>, ProblemHttpResult>> (
                int id, ReadInput? input, ClaimsPrincipal user, ConversationService conversations, CancellationToken ct) =>
                Collaborator.MayAnswer(user) ? (await conversations.MarkReadAsync(Collaborator.Of(user), id, input?.UpTo, ct)).ToOk() : NoConversation(id))
            .WithSummary("Mark the conversation read by the caller's side, up to a message (body {upTo?}; default the latest)");

        api.MapGet("/conversations/{id:int}/stream", async Task<Results<ServerSentEventsResult<object>, ProblemHttpResult>> (
                int id, HttpContext http, ClaimsPrincipal user, ConversationService conversations, ConversationStream stream, CancellationToken ct) =>
            {
                var reader = Collaborator.Of(user);
                if (!Collaborator.MayAnswer(user) || (await conversations.OwnAsync(reader, id, ct)).Conversation is null) return NoConversation(id);
                return TypedResults.ServerSentEvents(stream.ThreadAsync(reader, id, LiveStreams.Lifetime(http)));
            })
            .WithSummary("A conversation as server-sent events: a 'thread' event ({lastMessageId, readByOtherTo, hiddenCount}) at once and whenever it changes");

        api.MapGet("/conversations/{id:int}/attachments/{attachmentId:guid}", async Task<Results<PhysicalFileHttpResult, ProblemHttpResult>> (
                int id, Guid attachmentId, ClaimsPrincipal user, ConversationService conversations, CancellationToken ct) =>
                Collaborator.MayAnswer(user) && await conversations.AttachmentAsync(Collaborator.Of(user), id, attachmentId, ct) is { } found
                    ? TypedResults.PhysicalFile(found.Path, found.Message.AttachmentType!, found.Message.AttachmentName)
                    : Failure.NotFound("There is no attachment {0} in conversation {1}.", attachmentId, id).ToProblem())
            .WithSummary("Download an attachment of a conversation of the caller's side");
    }

    public static void MapContactRuleApi(this RouteGroupBuilder api)
    {
        api.MapGet("/contact-rule", async Task<Results<Ok<ContactRuleService.View>, ProblemHttpResult>> (
                ClaimsPrincipal user, ContactRuleService rules, CancellationToken ct) =>
                Collaborator.MayAnswer(user) ? TypedResults.Ok(await rules.GetAsync(Collaborator.Of(user).Party!.Value, ct)) : MayNotTalk())
            .WithSummary("Who may start a conversation with the caller's enterprise or institution: anyone, same_park, partners or nobody");

        api.MapPut("/contact-rule", async Task<Results<Ok<ContactRuleService.View>, ProblemHttpResult>> (
                ContactRuleService.Input input, ClaimsPrincipal user, ContactRuleService rules, CancellationToken ct) =>
            {
                if (!user.IsInRole(Accounts.Roles.EnterpriseAdmin) && !user.IsInRole(Accounts.Roles.InstitutionStaff))
                    return Failure.Forbidden("Only an enterprise's administrators or an institution's staff choose who may write to it.").ToProblem();
                var outcome = await rules.SetAsync(Collaborator.Of(user), input, ct);
                return outcome.Value is { } view ? TypedResults.Ok(view) : outcome.Failure!.ToProblem();
            })
            .WithSummary("Choose who may start a conversation with the caller's enterprise (its administrators) or institution (its staff)")
            .WithDescription("Body {who: anyone | same_park (enterprises and institutions of the same park) | partners (those with an agreement) | nobody}. Threads already started continue; a refused writer gets 403 with code conversation.not-accepted.");
    }

    /// <summary>The words and the file of a message, from JSON or multipart/form-data; a problem for a body that cannot be read.</summary>
    private static async Task<(string? Body, IFormFile? File, ProblemHttpResult? Problem)> ReadMessageAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.HasFormContentType)
        {
            var (form, unreadable) = await MultipartForm.ReadAsync(request, ct);
            if (form is null) return (null, null, Failure.Invalid("{0}", unreadable).ToProblem());
            if (form.Files.Count > 1) return (null, null, Failure.Invalid("Attach one file per message; there are {0}.", form.Files.Count).ToProblem());
            return (form["body"], form.Files.GetFile("attachment") ?? (form.Files.Count > 0 ? form.Files[0] : null), null);
        }
        if (!request.HasJsonContentType())
            return (null, null, Failure.Invalid("Send the message as JSON {{\"body\": \"...\"}} or as multipart/form-data.").ToProblem());
        try
        {
            return ((await request.ReadFromJsonAsync<MessageInput>(ct))?.Body, null, null);
        }
        catch (JsonException e)
        {
            return (null, null, Failure.Invalid("The body is not valid JSON: {0}", e.Message).ToProblem());
        }
    }

    private static Results<Created<ConversationDetail>, ProblemHttpResult> Created(Outcome<ConversationDetail> outcome) =>
        outcome.Value is { } value ? TypedResults.Created(ConversationLinks.Api(value.Conversation.Id), value) : outcome.Failure!.ToProblem();

    private static ProblemHttpResult MayNotTalk() =>
        Failure.Forbidden("Only an enterprise's administrators and members, or an institution's staff, take part in conversations.").ToProblem();

    private static ProblemHttpResult NoConversation(int id) => Failure.NotFound("There is no conversation with id {0}.", id).ToProblem();
}

public sealed record UnreadMessages(int Count);
