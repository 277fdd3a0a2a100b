namespace Lingjing.Server.Features.Bookings;

/// <summary>Why a booking operation failed: an HTTP status (400, 403, 404 or 409), a title and a
/// detail for people and, when the time is taken, the next free slots of the same length.</summary>
public sealed record BookingError(int Status, string Title, string Detail, IReadOnlyList<FreeSlot> Alternatives)
{
    /// <summary>The time is taken by another booking (worth trying the next free time).</summary>
    public bool IsClash { get; init; }

    public static BookingError BadInput(string detail) => new(StatusCodes.Status400BadRequest, "The request is not valid", detail, []);
    public static BookingError Forbidden(string detail) => new(StatusCodes.Status403Forbidden, "This space is not open to you", detail, []);
    public static BookingError NotFound(string detail) => new(StatusCodes.Status404NotFound, "Not found", detail, []);
    /// <summary>The time is taken: 409 with the alternatives.</summary>
    public static BookingError Taken(IReadOnlyList<FreeSlot> alternatives) =>
        new(StatusCodes.Status409Conflict, "The time is already booked", "The space is already booked for part of this time.", alternatives) { IsClash = true };
    /// <summary>A state conflict (wrong status, too early to check in, no free time).</summary>
    public static BookingError Conflict(string detail) => new(StatusCodes.Status409Conflict, "Not possible now", detail, []);
    /// <summary>The park's limit on active bookings is reached: 409 until one of them is over or cancelled.</summary>
    public static BookingError LimitReached(string detail) => new(StatusCodes.Status409Conflict, "Booking limit reached", detail, []);
}
