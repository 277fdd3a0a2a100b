using System.Globalization;
using System.Security.Claims;
using Lingjing.Server.Features.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Lingjing.Server.Features.Bookings;

/// <summary>The portal's booking forms: a plain HTML form posts here from a space's page, the
/// directory list or the /me terminal (form endpoints check the antiforgery token): one click (the
/// next free slot, or a given start and end), or a chosen day, time and length with purpose and
/// attendees. Success opens the confirmation page; a refusal goes back where the form was with the
/// reason in <c>bookingError</c>.</summary>
public static class BookingForms
{
    public const string ErrorParameter = "bookingError";

    public static void MapBookingForms(this WebApplication app)
    {
        app.MapPost("/bookings/quick", async Task<RedirectHttpResult> (
                [FromForm] int spaceId, [FromForm] string? start, [FromForm] string? end, [FromForm] string? day, [FromForm] string? time,
                [FromForm] string? minutes, [FromForm] string? purpose, [FromForm] string? attendees, [FromForm] string? returnUrl,
                ClaimsPrincipal user, BookingService bookings, CancellationToken ct) =>
            {
                var back = Infrastructure.Web.LocalReturnUrl.OrDefault(returnUrl, $"/directory/spaces/{spaceId}");
                Outcome<BookingView> attempt;
                if (day is not null || time is not null || minutes is not null)
                {
                    var (range, problem) = ChosenRange(day, time, minutes, bookings.Zone);
                    var (people, peopleProblem) = Attendees(attendees);
                    attempt = (problem ?? peopleProblem) is { } bad
                        ? bad
                        : await bookings.CreateAsync(spaceId, new BookingRequest(range!.Value.Start, range.Value.End, purpose, people), user, ct);
                }
                else
                {
                    attempt = string.IsNullOrEmpty(start)
                        ? await bookings.BookNextAsync(spaceId, new NextSlotRequest(purpose), user, ct)
                        : await bookings.CreateAsync(spaceId, new BookingRequest(start, end, purpose), user, ct);
                }
                if (attempt.Value is { } booking) return TypedResults.LocalRedirect($"/bookings/{booking.Id}?new=1");
                var separator = back.Contains('?', StringComparison.Ordinal) ? '&' : '?';
                return TypedResults.LocalRedirect($"{back}{separator}{ErrorParameter}={Uri.EscapeDataString(attempt.Failure!.Detail.Localized())}&errorSpace={spaceId}#book");
            })
            .RequireAuthorization(Policies.SignedIn)
            .ExcludeFromDescription();
    }

    /// <summary>A day (yyyy-MM-dd), a time (HH:mm) and a length in minutes, zone time, as ISO 8601 start and end; or what is wrong, in words.</summary>
    public static ((string Start, string End)? Range, Failure? Problem) ChosenRange(string? day, string? time, string? minutes, TimeZoneInfo zone)
    {
        if (!DateOnly.TryParseExact(day?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return (null, Failure.Invalid("Choose a day."));
        if (!TimeOnly.TryParseExact(time?.Trim(), ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
            return (null, Failure.Invalid("Choose a start time, such as 09:30."));
        if (!int.TryParse(minutes?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length is < 1 or > 1440)
            return (null, Failure.Invalid("Choose how long you need the space."));
        var local = date.ToDateTime(at);
        var start = new DateTimeOffset(local, zone.GetUtcOffset(local));
        var end = TimeZoneInfo.ConvertTime(start.AddMinutes(length), zone);
        return ((Iso(start), Iso(end)), null);
    }

    private static (int? Attendees, Failure? Problem) Attendees(string? text) =>
        string.IsNullOrWhiteSpace(text) ? (null, null)
        : int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? (n, null)
        : (null, Failure.Invalid("Attendees must be a whole number of people."));

    private static string Iso(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
