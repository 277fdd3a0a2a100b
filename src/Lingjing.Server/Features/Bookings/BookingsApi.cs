using System.Security.Claims;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lingjing.Server.Features.Bookings;

/// <summary>Booking of spaces over HTTP: availability, book (a chosen time or the next free slot),
/// cancel, check in, my bookings, calendars; and for park operators approvals and space rules.</summary>
public static class BookingsApi
{
    private static readonly TimeSpan MaxAvailabilityRange = TimeSpan.FromDays(31);

    public static void MapBookingsApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Bookings").RequireAuthorization(Policies.SignedIn);

        api.MapPost("/spaces/{spaceId:int}/bookings", async Task<Results<Created<BookingView>, ProblemHttpResult>> (
                int spaceId, BookingRequest request, ClaimsPrincipal user, BookingService bookings, CancellationToken ct) =>
                Created(await bookings.CreateAsync(spaceId, request, user, ct)))
            .WithSummary("Book a space")
            .WithDescription("Body: start and end as ISO 8601 with an offset, purpose (at most 500 characters), attendees (optional, " +
                "at most the space's capacity). 201 with the booking: status 'confirmed', or 'pending' when the space needs approval; " +
                "400 naming the broken rule; 403 when the space is not open to you; 404 for an unknown space; " +
                "409 when the time is taken, with 'alternatives': the next free slots of the same length.");

        api.MapPost("/spaces/{spaceId:int}/bookings/next", async Task<Results<Created<BookingView>, ProblemHttpResult>> (
                int spaceId, NextSlotRequest? request, ClaimsPrincipal user, BookingService bookings, CancellationToken ct) =>
                Created(await bookings.BookNextAsync(spaceId, request ?? new NextSlotRequest(null), user, ct)))
            .WithSummary("Book the next free slot of a space")
            .WithDescription("One click: the space's default length at the first free time from now (or from 'after'). " +
                "Body optional: purpose, after (ISO 8601 with an offset). 409 when the space has no free time within its booking horizon.");

        api.MapGet("/spaces/{spaceId:int}/availability", async Task<Results<Ok<List<FreeSlot>>, ProblemHttpResult>> (
                int spaceId, string? from, string? to, BookingService bookings, CancellationToken ct) =>
            {
                var start = BookingRules.ParseInstant(from, new("The start of the range"), out var fromProblem);
                if (fromProblem is not null) return BookingError.BadInput(fromProblem).ToProblem();
                var end = BookingRules.ParseInstant(to, new("The end of the range"), out var toProblem);
                if (toProblem is not null) return BookingError.BadInput(toProblem).ToProblem();
                if (end <= start) return Failure.Invalid("The end of the range must be after its start.").ToProblem();
                if (end - start > MaxAvailabilityRange) return Failure.Invalid("The range may be at most 31 days long.").ToProblem();
                return await bookings.AvailabilityAsync(spaceId, start!.Value, end!.Value, ct) is { } slots
                    ? TypedResults.Ok(slots)
                    : Failure.NotFound("There is no space with id {0}.", spaceId).ToProblem();
            })
            .WithSummary("Free slots of a space")
            .WithDescription("from, to: ISO 8601 with an offset, at most 31 days apart. Slots of the space's default length on a grid " +
                "from opening time, that obey its rules (hours, blackout days, how far ahead, buffer) and meet no live booking.");

        api.MapGet("/bookings/{id:guid}", async Task<Results<Ok<BookingView>, ProblemHttpResult>> (
                Guid id, ClaimsPrincipal user, BookingService bookings, CancellationToken ct) =>
                await bookings.ViewAsync(id, user, ct) is { } view ? TypedResults.Ok(view) : UnknownBooking(id).ToProblem())
            .WithSummary("One booking: your own, or of your park's spaces for its operators");

        api.MapDelete("/bookings/{id:guid}", async Task<Results<NoContent, ProblemHttpResult>> (
                Guid id, ClaimsPrincipal user, BookingService bookings, CancellationToken ct) =>
                await bookings.CancelAsync(id, user.UserId()!.Value, ct) is { } error ? error.ToProblem() : TypedResults.NoContent())
            .WithSummary("Cancel one of my bookings")
            .WithDescription("204; 404 when you have no booking with this id; 409 when it is over, rejected or released.");

        api.MapPost("/bookings/{id:guid}/reschedule", async Task<Results<Ok<BookingView>, ProblemHttpResult>> (
                Guid id, RescheduleRequest request, ClaimsPrincipal user, BookingService bookings, CancellationToken ct) =>
                Decided(await bookings.RescheduleAsync(id, request, user, ct)))
            .WithSummary("Move one of my bookings to another time of the same space")
            .WithDescription("Body: start and end as ISO 8601 with an offset. One transaction checks the new time exactly as a new booking " +
                "(the space's rules, no overlap with other bookings, the weekly quota, the park's limits on active bookings; the booking " +
                "itself not counted) and moves the booking in place: it keeps its id, purpose and check-in code, and is never doubled. " +
                "In a space that needs approval it waits for approval again. 200 with the booking; 400 naming the broken rule; " +
                "404 when you have no booking with this id; 409 when the time is taken (with 'alternatives'), when a limit is reached, " +
                "or when the booking is no longer live or has started.");

        api.MapPost("/bookings/{id:guid}/check-in", async Task<Results<Ok<BookingView>, ProblemHttpResult>> (
                Guid id, ClaimsPrincipal user, BookingDecisions decisions, CancellationToken ct) =>
                Decided(await decisions.CheckInAsync(id, user, ct)))
            .WithSummary("Check in to a booking")
            .WithDescription("By the person who booked, or the space's park operator at the door; from 15 minutes before the start " +
                "until the end (409 outside that window or when the booking is not confirmed).");

        api.MapGet("/me/bookings", async Task<Ok<List<BookingView>>> (ClaimsPrincipal user, BookingService bookings, CancellationToken ct) =>
                TypedResults.Ok(await bookings.MineAsync(user.UserId()!.Value, ct)))
            .WithSummary("My bookings: upcoming ones first (soonest first), then past ones (latest first)");

        api.MapGet("/me/bookings.ics", async (HttpContext http, BookingCalendars calendars, PublicBaseUrl site, CancellationToken ct) =>
                Calendar(await calendars.MineAsync(http.User.UserId()!.Value, site.Value, ct), "my-bookings.ics"))
            .WithSummary("My bookings as an iCalendar file");

        api.MapGet("/bookings/{id:guid}/booking.ics", async Task<IResult> (
                Guid id, HttpContext http, BookingService bookings, BookingCalendars calendars, PublicBaseUrl site, CancellationToken ct) =>
                await bookings.FindVisibleAsync(id, http.User, ct) is var (booking, place)
                    ? Calendar(calendars.One(booking, place, site.Value), $"booking-{id:N}.ics")
                    : UnknownBooking(id).ToProblem())
            .WithSummary("One booking as an iCalendar file");

        api.MapGet("/spaces/{spaceId:int}/calendar.ics", async Task<IResult> (
                int spaceId, BookableSpaces spaces, BookingCalendars calendars, CancellationToken ct) =>
                await spaces.FindAsync(spaceId, ct) is { } bookable
                    ? Calendar(await calendars.SpaceAsync(bookable.Space, ct), $"space-{spaceId}.ics")
                    : Failure.NotFound("There is no space with id {0}.", spaceId).ToProblem())
            .WithSummary("A space's booked times as an iCalendar file (who booked is not shown)");

        MapReview(app);
        MapRules(app);
        MapParkLimits(app);
    }

    private static void MapReview(WebApplication app)
    {
        var review = app.MapGroup("/api/v1").WithTags("Bookings").RequireAuthorization(Policies.SpaceManager);

        review.MapGet("/park/bookings/pending", async Task<Ok<List<PendingBooking>>> (
                ClaimsPrincipal user, BookingDecisions decisions, CancellationToken ct) => TypedResults.Ok(await decisions.QueueAsync(user, ct)))
            .WithSummary("Bookings waiting for approval, soonest first: of my park's spaces (all parks for the government)");

        review.MapPost("/bookings/{id:guid}/approve", async Task<Results<Ok<BookingView>, ProblemHttpResult>> (
                Guid id, ClaimsPrincipal user, BookingDecisions decisions, CancellationToken ct) => Decided(await decisions.ApproveAsync(id, user, ct)))
            .WithSummary("Approve a pending booking of my park")
            .WithDescription("404 for a booking outside your park; 409 when it is not pending.");

        review.MapPost("/bookings/{id:guid}/reject", async Task<Results<Ok<BookingView>, ProblemHttpResult>> (
                Guid id, RejectRequest request, ClaimsPrincipal user, BookingDecisions decisions, CancellationToken ct) =>
                Decided(await decisions.RejectAsync(id, request.Reason, user, ct)))
            .WithSummary("Reject a pending booking of my park, with a reason the person sees")
            .WithDescription("Body: reason (required, at most 500 characters). 404 outside your park; 409 when not pending.");
    }

    private static void MapRules(WebApplication app)
    {
        var rules = app.MapGroup("/api/v1/spaces/{spaceId:int}").WithTags("Space rules");

        rules.MapGet("/rules", async Task<Results<Ok<SpaceRulesView>, ProblemHttpResult>> (
                int spaceId, SpaceRulesService service, CancellationToken ct) =>
                await service.GetAsync(spaceId, ct) is { } view ? TypedResults.Ok(view) : Failure.NotFound("There is no space with id {0}.", spaceId).ToProblem())
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("The booking rules of a space");

        rules.MapPut("/rules", async Task<Results<Ok<SpaceRulesView>, ProblemHttpResult>> (
                int spaceId, SpaceRulesUpdate update, ClaimsPrincipal user, SpaceRulesService service, CancellationToken ct) =>
            {
                if (await service.ManagedAsync(spaceId, user, ct) is null) return NotYourSpace(spaceId).ToProblem();
                var errors = await service.UpdateAsync(spaceId, update, ct);
                if (!errors.IsEmpty) return Failure.Invalid(errors).Titled("The rules are not valid").ToProblem();
                return TypedResults.Ok((await service.GetAsync(spaceId, ct))!);
            })
            .RequireAuthorization(Policies.SpaceManager)
            .WithSummary("Set the booking rules, opening hours and capacity of a space of my park");

        rules.MapPost("/blackouts", async Task<Results<Created<BlackoutView>, ProblemHttpResult>> (
                int spaceId, BlackoutRequest request, ClaimsPrincipal user, SpaceRulesService service, CancellationToken ct) =>
            {
                if (await service.ManagedAsync(spaceId, user, ct) is null) return NotYourSpace(spaceId).ToProblem();
                var (blackout, errors) = await service.AddBlackoutAsync(spaceId, request, ct);
                return blackout is null
                    ? Failure.Invalid(errors).Titled("The blackout is not valid").ToProblem()
                    : TypedResults.Created($"/api/v1/spaces/{spaceId}/blackouts/{blackout.Id}", blackout);
            })
            .RequireAuthorization(Policies.SpaceManager)
            .WithSummary("Close a space of my park for bookings on some days (firstDay, lastDay inclusive, reason)");

        rules.MapDelete("/blackouts/{blackoutId:int}", async Task<Results<NoContent, ProblemHttpResult>> (
                int spaceId, int blackoutId, ClaimsPrincipal user, SpaceRulesService service, CancellationToken ct) =>
                await service.ManagedAsync(spaceId, user, ct) is not null && await service.RemoveBlackoutAsync(spaceId, blackoutId, ct)
                    ? TypedResults.NoContent()
                    : Failure.NotFound("There is no blackout {0} of space {1} in your park.", blackoutId, spaceId).ToProblem())
            .RequireAuthorization(Policies.SpaceManager)
            .WithSummary("Remove a blackout");
    }

    private static void MapParkLimits(WebApplication app)
    {
        var limits = app.MapGroup("/api/v1/parks/{parkId:int}/booking-limits").WithTags("Space rules");

        limits.MapGet("", async Task<Results<Ok<ParkLimitsView>, ProblemHttpResult>> (int parkId, ParkLimitsService service, CancellationToken ct) =>
                await service.GetAsync(parkId, ct) is { } view ? TypedResults.Ok(view) : Failure.NotFound("There is no park with id {0}.", parkId).ToProblem())
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("A park's limits on active bookings per person and per enterprise")
            .WithDescription("activePerPerson, activePerEnterprise: how many active bookings (pending or confirmed, not yet over) one person " +
                "and all accounts of one enterprise may hold in the park's spaces at once (null: no limit); zoneDefaults: the park set none, " +
                "so the zone's defaults apply (Lingjing:Bookings:ActivePerPerson, ActivePerEnterprise).");

        limits.MapPut("", async Task<Results<Ok<ParkLimitsView>, ProblemHttpResult>> (
                int parkId, ParkLimitsUpdate update, ClaimsPrincipal user, ParkLimitsService service, CancellationToken ct) =>
            {
                if (!ParkLimitsService.Manages(user, parkId) || await service.GetAsync(parkId, ct) is null)
                    return Failure.NotFound("There is no park with id {0} that you manage.", parkId).ToProblem();
                var errors = await service.UpdateAsync(parkId, update, ct);
                if (!errors.IsEmpty) return Failure.Invalid(errors).Titled("The limits are not valid").ToProblem();
                return TypedResults.Ok((await service.GetAsync(parkId, ct))!);
            })
            .RequireAuthorization(Policies.SpaceManager)
            .WithSummary("Set my park's limits on active bookings per person and per enterprise")
            .WithDescription("Body: activePerPerson, activePerEnterprise, each 1 to 1000 or null for no limit. Enforced in the same " +
                "transaction as the no-overlap guarantee, from the next booking on; bookings already held stay.");
    }

    public sealed record RejectRequest(string? Reason);

    private static Failure UnknownBooking(Guid id) => Failure.NotFound("You have no booking with id {0}.", id);

    private static Failure NotYourSpace(int spaceId) => Failure.NotFound("There is no space with id {0} in your park.", spaceId);

    private static IResult Calendar(string text, string fileName) =>
        Results.File(System.Text.Encoding.UTF8.GetBytes(text), "text/calendar; charset=utf-8", fileName);

    private static Results<Created<BookingView>, ProblemHttpResult> Created(Outcome<BookingView> attempt) =>
        attempt.Value is { } booking ? TypedResults.Created($"/api/v1/bookings/{booking.Id}", booking) : attempt.Failure!.ToProblem();

    private static Results<Ok<BookingView>, ProblemHttpResult> Decided(Outcome<BookingView> result) =>
        result.Value is { } view ? TypedResults.Ok(view) : result.Failure!.ToProblem();
}
