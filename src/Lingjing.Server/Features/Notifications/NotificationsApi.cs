using System.Security.Claims;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Infrastructure.Realtime;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lingjing.Server.Features.Notifications;

/// <summary>The signed-in person's notification centre over HTTP.</summary>
public static class NotificationsApi
{
    public static void MapNotificationsApi(this WebApplication app)
    {
        var me = app.MapGroup("/api/v1/me/notifications").WithTags("Notifications").RequireAuthorization(Policies.SignedIn);

        me.MapGet("", async Task<Ok<NotificationInbox>> (
                ClaimsPrincipal user, NotificationCentre centre, CancellationToken ct, int limit = 20, long? before = null, bool unreadOnly = false) =>
                TypedResults.Ok(await centre.InboxAsync(user.UserId()!.Value, limit, before, unreadOnly, ct)))
            .WithSummary("My notifications, newest first, with the unread count")
            .WithDescription($"limit: 1-{NotificationCentre.MaxPageSize} (default 20); before: an id to page back from; unreadOnly.");

        me.MapGet("/stream", (HttpContext http, ClaimsPrincipal user, UnreadStream unread) =>
                TypedResults.ServerSentEvents(unread.ReadAsync(
                    new NotificationReader(user.UserId()!.Value, user.EnterpriseId(), user.IsInRole(Roles.ParkOperator) ? user.ParkId() : null,
                        user.IsInRole(Roles.InstitutionStaff) ? user.InstitutionId() : null),
                    LiveStreams.Lifetime(http))))
            .WithSummary("My unread count as server-sent events")
            .WithDescription("An 'unread' event ({\"count\": n}) at once and whenever the count changes; a 'ping' event when idle.");

        me.MapPost("/{id:long}/read", async Task<Results<Ok<NotificationView>, ProblemHttpResult>> (
                long id, ClaimsPrincipal user, NotificationCentre centre, CancellationToken ct) =>
                await centre.MarkReadAsync(user.UserId()!.Value, id, ct) is { } view
                    ? TypedResults.Ok(view)
                    : Failure.NotFound("You have no notification with id {0}.", id).ToProblem())
            .WithSummary("Mark one of my notifications as read");

        me.MapPost("/read-all", async Task<Ok<MarkedRead>> (ClaimsPrincipal user, NotificationCentre centre, CancellationToken ct) =>
                TypedResults.Ok(new MarkedRead(await centre.MarkAllReadAsync(user.UserId()!.Value, ct))))
            .WithSummary("Mark all my notifications as read");

        // The portal's links go through here: mark as read, then open what it is about.
        app.MapGet("/notifications/{id:long}/open", async Task<RedirectHttpResult> (
                long id, ClaimsPrincipal user, NotificationCentre centre, CancellationToken ct) =>
            {
                var view = await centre.MarkReadAsync(user.UserId()!.Value, id, ct);
                return TypedResults.LocalRedirect(Infrastructure.Web.LocalReturnUrl.OrDefault(view?.Link, "/notifications"));
            })
            .RequireAuthorization(Policies.SignedIn)
            .ExcludeFromDescription();
    }

    public sealed record MarkedRead(int Marked);
}
