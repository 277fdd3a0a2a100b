namespace Lingjing.Server.Features.Bookings;

/// <summary>Why a booking operation failed: an HTTP status (400, 403, 404 or 409), a detail for
/// people and, for a taken time, the next free slots of the same length.</summary>
public sealed record BookingError(int Status, string Detail, IReadOnlyList<FreeSlot> Alternatives)
{
    public static BookingError BadInput(string detail) => new(StatusCodes.Status400BadRequest, detail, []);
    public static BookingError Forbidden(string detail) => new(StatusCodes.Status403Forbidden, detail, []);
    public static BookingError NotFound(string detail) => new(StatusCodes.Status404NotFound, detail, []);
    /// <summary>A state conflict (wrong status, too early to check in), without alternatives.</summary>
    public static BookingError Conflict(string detail) => new(StatusCodes.Status409Conflict, detail, []);
}
