namespace Lingjing.Server.Features.Bookings;

/// <summary>The outcome of a booking request: the booking, or the error.</summary>
public sealed record BookingAttempt(BookingView? Booking, BookingError? Error)
{
    public static BookingAttempt Failed(BookingError error) => new(null, error);
}
