namespace Lingjing.Server.Features.Bookings;

/// <summary>Why a booking operation failed: an HTTP status (400, 404 or 409), a detail for people
/// and, for a conflict, the next free slots of the same length.</summary>
public sealed record BookingError(int Status, string Detail, IReadOnlyList<FreeSlot> Alternatives)
{
    public static BookingError BadInput(string detail) => new(StatusCodes.Status400BadRequest, detail, []);
    public static BookingError NotFound(string detail) => new(StatusCodes.Status404NotFound, detail, []);
}
