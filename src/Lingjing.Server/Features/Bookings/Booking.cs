namespace Lingjing.Server.Features.Bookings;

/// <summary>A reservation of a space for a time range. Instants are UTC; the range is half-open
/// [StartsAt, EndsAt), so a booking may start exactly when the previous one ends. The space stays
/// held until <see cref="HeldUntil"/> (the end plus the space's buffer); live bookings never
/// overlap in their held ranges.</summary>
public sealed class Booking
{
    public Guid Id { get; set; }
    public int SpaceId { get; set; }
    public Guid UserId { get; set; }
    public int? EnterpriseId { get; set; }
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    public DateTime HeldUntil { get; set; }
    public string Purpose { get; set; } = "";
    public int Attendees { get; set; } = 1;
    /// <summary>Code from <see cref="BookingStatus"/>.</summary>
    public string Status { get; set; } = BookingStatus.Confirmed;
    /// <summary>The secret in the check-in QR code.</summary>
    public string CheckInCode { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? CheckedInAt { get; set; }
    /// <summary>When and by whom a pending booking was approved or rejected, and why (rejections).</summary>
    public DateTime? DecidedAt { get; set; }
    public Guid? DecidedBy { get; set; }
    public string? DecisionReason { get; set; }
    /// <summary>When a no-show was released.</summary>
    public DateTime? ReleasedAt { get; set; }
    public DateTime? RemindedAt { get; set; }
}
