using System.Globalization;
using System.Security.Claims;
using Lingjing.Server.Features.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lingjing.Server.Features.Bookings.Oversight;

/// <summary>Figures behind the park operator's and the government's booking views. The park
/// endpoints always read the operator's own park (from the account, never from the address).</summary>
public static class BookingOversightApi
{
    public static void MapBookingOversightApi(this WebApplication app)
    {
        var park = app.MapGroup("/api/v1/park/bookings").WithTags("Bookings: park and zone views").RequireAuthorization(Policies.ParkOperator);

        park.MapGet("/utilization/daily", async Task<Ok<List<UtilizationDay>>> (ClaimsPrincipal user, BookingUtilization utilization, CancellationToken ct) =>
                TypedResults.Ok(await utilization.DailyAsync(OwnPark(user), ct)))
            .WithSummary("My park: open, booked, pending and released (no-show) hours per day, the last 28 days and the coming 7")
            .WithDescription("Days in zone time; utilization = booked / open hours, where booked counts confirmed bookings (checked in or not). " +
                "Open hours follow each space's opening hours, open days and blackout days. Empty when the park has no spaces.");

        park.MapGet("/utilization/space-types", async Task<Ok<List<SpaceTypeUtilization>>> (ClaimsPrincipal user, BookingUtilization utilization, CancellationToken ct) =>
                TypedResults.Ok(await utilization.BySpaceTypeAsync(OwnPark(user), ct)))
            .WithSummary("My park: utilization by space type over the last 28 full days");

        park.MapGet("/summary", async Task<Ok<BookingKpis>> (ClaimsPrincipal user, BookingUtilization utilization, CancellationToken ct) =>
                TypedResults.Ok(await utilization.KpisAsync(OwnPark(user), ct)))
            .WithSummary("My park: bookings this week, utilization and no-show rate over the last 28 days, pending approvals");

        park.MapGet("/week", async Task<Results<Ok<WeekCalendar>, ProblemHttpResult>> (
                string? week, ClaimsPrincipal user, ParkWeekCalendars calendars, CancellationToken ct) =>
            {
                if (!TryParseWeek(week, out var day))
                    return Failure.Invalid("The week must be a date like 2026-11-23 (years {0} to {1}), not '{2}'.", FirstYear, LastYear, week).ToProblem();
                return TypedResults.Ok(await calendars.WeekAsync(OwnPark(user), day, ct));
            })
            .WithSummary("My park's week calendar: spaces by day with their bookings, closed and blackout days")
            .WithDescription("week: any day of the week (yyyy-MM-dd, zone time); this week when omitted. The week runs Monday to Sunday.");

        var zone = app.MapGroup("/api/v1/zone/bookings").WithTags("Bookings: park and zone views").RequireAuthorization(Policies.Government);

        zone.MapGet("/utilization/parks", async Task<Ok<List<ParkUtilization>>> (BookingUtilization utilization, CancellationToken ct) =>
                TypedResults.Ok(await utilization.ByParkAsync(ct)))
            .WithSummary("The zone: utilization of each park's spaces over the last 28 full days, highest first");

        zone.MapGet("/utilization/space-types", async Task<Ok<List<SpaceTypeUtilization>>> (BookingUtilization utilization, CancellationToken ct) =>
                TypedResults.Ok(await utilization.BySpaceTypeAsync(null, ct)))
            .WithSummary("The zone: utilization by space type over the last 28 full days");

        zone.MapGet("/utilization/daily", async Task<Ok<List<UtilizationDay>>> (BookingUtilization utilization, CancellationToken ct) =>
                TypedResults.Ok(await utilization.DailyAsync(null, ct)))
            .WithSummary("The zone: open, booked, pending and released hours per day, the last 28 days and the coming 7");

        zone.MapGet("/summary", async Task<Ok<BookingKpis>> (BookingUtilization utilization, CancellationToken ct) =>
                TypedResults.Ok(await utilization.KpisAsync(null, ct)))
            .WithSummary("The zone: bookings this week, utilization and no-show rate over the last 28 days, pending approvals");
    }

    /// <summary>The operator's park; -1 (a park that does not exist, so no data) for an account without one.</summary>
    internal static int OwnPark(ClaimsPrincipal user) => user.ParkId() ?? -1;

    private const int FirstYear = 2000;
    private const int LastYear = 2999;

    /// <summary>Reads ?week=: empty for this week; otherwise a day in a sane range, so moving a week
    /// back or forward never leaves the calendar.</summary>
    internal static bool TryParseWeek(string? text, out DateOnly? day)
    {
        day = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)) return false;
        if (parsed.Year is < FirstYear or > LastYear) return false;
        day = parsed;
        return true;
    }
}
