namespace Lingjing.Server.Features.Bookings;

/// <summary>A reservation of a space for a time range. Instants are UTC; the range is half-open
/// [StartsAt, EndsAt), so a booking may start exactly when the previous one ends.</summary>
public sealed class Booking
{
    public Guid Id { get; set; }
    public int SpaceId { get; set; }
    public Guid UserId { get; set; }
    public int? EnterpriseId { get; set; }
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    public string Purpose { get; set; } = "";
    /// <summary>Code from <see cref="BookingStatus"/>.</summary>
    public string Status { get; set; } = BookingStatus.Confirmed;
    public DateTime CreatedAt { get; set; }
}
