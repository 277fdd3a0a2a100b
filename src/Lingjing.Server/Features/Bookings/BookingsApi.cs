using System.Security.Claims;
using Lingjing.Server.Features.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lingjing.Server.Features.Bookings;

/// <summary>Booking of spaces over HTTP: availability, book, cancel, and my bookings.</summary>
public static class BookingsApi
{
    private static readonly TimeSpan MaxAvailabilityRange = TimeSpan.FromDays(31);

    public static void MapBookingsApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Bookings").RequireAuthorization(Policies.SignedIn);

        api.MapPost("/spaces/{spaceId:int}/bookings", async Task<Results<Created<BookingView>, ProblemHttpResult>> (
                int spaceId, BookingRequest request, ClaimsPrincipal user, BookingService bookings, CancellationToken ct) =>
            {
                var attempt = await bookings.CreateAsync(spaceId, request, user, ct);
                return attempt.Booking is { } booking
                    ? TypedResults.Created($"/api/v1/bookings/{booking.Id}", booking)
                    : Problem(attempt.Error!);
            })
            .WithSummary("Book a space")
            .WithDescription("Body: start and end as ISO 8601 with an offset, purpose (at most 500 characters). " +
                "201 with the confirmed booking; 400 naming the broken rule; 404 for an unknown space; " +
                "409 when the time is taken, with 'alternatives': the next free slots of the same length.");

        api.MapGet("/spaces/{spaceId:int}/availability", async Task<Results<Ok<List<FreeSlot>>, ProblemHttpResult>> (
                int spaceId, string? from, string? to, BookingService bookings, CancellationToken ct) =>
            {
                var start = BookingRules.ParseInstant(from, "from", out var fromProblem);
                if (fromProblem is not null) return BadInput(fromProblem);
                var end = BookingRules.ParseInstant(to, "to", out var toProblem);
                if (toProblem is not null) return BadInput(toProblem);
                if (end <= start) return BadInput("to must be after from.");
                if (end - start > MaxAvailabilityRange) return BadInput("from and to may be at most 31 days apart.");
                return await bookings.AvailabilityAsync(spaceId, start!.Value, end!.Value, ct) is { } slots
                    ? TypedResults.Ok(slots)
                    : Problem(BookingError.NotFound($"There is no space with id {spaceId}."));
            })
            .WithSummary("Free hourly slots of a space")
            .WithDescription("from, to: ISO 8601 with an offset, at most 31 days apart. Whole hours from opening time, minus live bookings and the past.");

        api.MapDelete("/bookings/{id:guid}", async Task<Results<NoContent, ProblemHttpResult>> (
                Guid id, ClaimsPrincipal user, BookingService bookings, CancellationToken ct) =>
                user.UserId() is { } userId && await bookings.CancelAsync(id, userId, ct)
                    ? TypedResults.NoContent()
                    : Problem(BookingError.NotFound($"You have no booking with id {id}.")))
            .WithSummary("Cancel one of my bookings");

        api.MapGet("/me/bookings", async Task<Ok<List<BookingView>>> (ClaimsPrincipal user, BookingService bookings, CancellationToken ct) =>
                TypedResults.Ok(user.UserId() is { } userId ? await bookings.MineAsync(userId, ct) : []))
            .WithSummary("My bookings, earliest first");
    }

    private static ProblemHttpResult BadInput(string detail) => Problem(BookingError.BadInput(detail));

    private static ProblemHttpResult Problem(BookingError error)
    {
        var title = error.Status switch
        {
            StatusCodes.Status400BadRequest => "The request is not valid",
            StatusCodes.Status404NotFound => "Not found",
            _ => "The time is already booked",
        };
        var extensions = error.Status == StatusCodes.Status409Conflict
            ? new Dictionary<string, object?> { ["alternatives"] = error.Alternatives }
            : null;
        return TypedResults.Problem(title: title, detail: error.Detail, statusCode: error.Status, extensions: extensions);
    }
}
