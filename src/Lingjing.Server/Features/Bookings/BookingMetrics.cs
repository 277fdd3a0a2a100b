using System.Diagnostics.Metrics;

namespace Lingjing.Server.Features.Bookings;

/// <summary>The meter <c>Lingjing.Bookings</c>: booking requests by outcome (confirmed, pending, taken,
/// refused, invalid, not found), exported at <c>/metrics</c>.</summary>
public sealed class BookingMetrics
{
    public const string MeterName = "Lingjing.Bookings";

    private readonly Counter<long> requests;

    public BookingMetrics(IMeterFactory meters) =>
        requests = meters.Create(MeterName).CreateCounter<long>("lingjing.bookings.requests", description: "Booking requests by outcome");

    public Outcome<BookingView> Recorded(Outcome<BookingView> attempt)
    {
        var outcome = attempt.Value?.Status ?? attempt.Failure?.Status switch
        {
            StatusCodes.Status409Conflict => "taken",
            StatusCodes.Status403Forbidden => "refused",
            StatusCodes.Status404NotFound => "not_found",
            _ => "invalid",
        };
        requests.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        return attempt;
    }
}
