namespace Lingjing.Server.Features.Bookings;

/// <summary>How many active bookings (pending or confirmed, not yet over) one person and one
/// enterprise may hold in a park's spaces at once, set by the park's operator. A park without a row
/// uses the zone's defaults (<see cref="BookingOptions.ActivePerPerson"/>, <see cref="BookingOptions.ActivePerEnterprise"/>);
/// null means no limit.</summary>
public sealed class ParkBookingLimits
{
    public int ParkId { get; set; }
    public int? ActivePerPerson { get; set; }
    public int? ActivePerEnterprise { get; set; }
    public DateTime UpdatedAt { get; set; }
}
