using System.Security.Claims;
using Lingjing.Server.Features.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace Lingjing.Server.Features.Events;

/// <summary>The event page's forms: register and cancel, rate a session, then back to the page (with the reason when refused).</summary>
public static class EventForms
{
    public static void MapEventForms(this WebApplication app)
    {
        app.MapPost("/events/{id:int}/register", async (int id, [FromForm] string? attendance, ClaimsPrincipal user, EventRegistrations registrations, CancellationToken ct) =>
                Back(id, (await registrations.RegisterAsync(user, id, attendance, ct)).Failure))
            .RequireAuthorization(Policies.SignedIn)
            .ExcludeFromDescription();

        app.MapPost("/events/{id:int}/sessions/{sessionId:int}/rate", async (int id, int sessionId, [FromForm] int? stars, ClaimsPrincipal user,
                Presence.SessionRatings ratings, CancellationToken ct) =>
                Back(id, (await ratings.RateAsync(user, id, sessionId, new Presence.RatingInput(stars), ct)).Failure))
            .RequireAuthorization(Policies.SignedIn)
            .ExcludeFromDescription();

        app.MapPost("/events/{id:int}/unregister", async (int id, ClaimsPrincipal user, EventRegistrations registrations, CancellationToken ct) =>
                Back(id, (await registrations.CancelMineAsync(user, id, ct)).Failure))
            .RequireAuthorization(Policies.SignedIn)
            .ExcludeFromDescription();
    }

    /// <summary>The organiser's desk (<c>/events/{id}/manage</c>): publish, cancel, decide, check in.</summary>
    public static void MapEventDeskForms(this WebApplication app)
    {
        var desk = app.MapGroup("/events/{id:int}").RequireAuthorization(Policies.SignedIn).ExcludeFromDescription();
        desk.MapPost("/publish", async (int id, ClaimsPrincipal user, EventService events, CancellationToken ct) =>
            ToDesk(id, (await events.ChangeStatusAsync(user, id, EventStatus.Published, ct)).Failure));
        desk.MapPost("/cancel-event", async (int id, ClaimsPrincipal user, EventService events, CancellationToken ct) =>
            ToDesk(id, (await events.ChangeStatusAsync(user, id, EventStatus.Cancelled, ct)).Failure));
        desk.MapPost("/registrations/{registrationId:guid}/decide", async (int id, Guid registrationId, [FromForm] bool approve, ClaimsPrincipal user,
                EventRegistrations registrations, CancellationToken ct) =>
            ToDesk(id, (await registrations.DecideAsync(user, id, registrationId, approve, ct)).Failure));
        desk.MapPost("/check-in", async (int id, [FromForm] string? code, ClaimsPrincipal user, EventRegistrations registrations, CancellationToken ct) =>
        {
            var outcome = await registrations.CheckInAsync(user, id, code?.ToUpperInvariant(), ct);
            return outcome.Value is { } ticket
                ? TypedResults.LocalRedirect($"/events/{id}/manage?checkedIn={Uri.EscapeDataString(ticket.Name)}")
                : ToDesk(id, outcome.Failure, $"&code={Uri.EscapeDataString(code ?? "")}");
        });
    }

    private static IResult ToDesk(int id, Failure? failure, string more = "") =>
        TypedResults.LocalRedirect(failure is null ? $"/events/{id}/manage" : $"/events/{id}/manage?error={Uri.EscapeDataString(failure.Detail.Localized())}{more}");

    private static IResult Back(int id, Failure? failure) =>
        TypedResults.LocalRedirect(failure is null ? $"/events/{id}" : $"/events/{id}?error={Uri.EscapeDataString(failure.Detail.Localized())}");
}
