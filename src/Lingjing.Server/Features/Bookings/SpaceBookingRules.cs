namespace Lingjing.Server.Features.Bookings;

/// <summary>How a space may be booked, set by its park operator. A space without a row books with
/// <see cref="Defaults"/>. Opening hours and capacity live on the space itself.</summary>
public sealed class SpaceBookingRules
{
    public int SpaceId { get; set; }
    /// <summary>The length "Book next free slot" books.</summary>
    public int DefaultMinutes { get; set; } = 60;
    public int MinMinutes { get; set; } = 15;
    public int MaxMinutes { get; set; } = 480;
    /// <summary>Time kept free after each booking (cleaning, changeover).</summary>
    public int BufferMinutes { get; set; }
    public int MaxDaysAhead { get; set; } = 90;
    /// <summary>Live or past bookings one enterprise may hold in this space per week (Monday to Sunday, zone time); null for no limit.</summary>
    public int? WeeklyQuotaPerEnterprise { get; set; }
    public bool RequiresApproval { get; set; }
    /// <summary>Code from <see cref="BookingAudience"/>.</summary>
    public string Audience { get; set; } = BookingAudience.SignedIn;
    /// <summary>A confirmed booking nobody checked in to is released this long after its start.</summary>
    public int NoShowReleaseMinutes { get; set; } = 15;
    public DateTime UpdatedAt { get; set; }

    public static SpaceBookingRules Defaults(int spaceId) => new() { SpaceId = spaceId };

    public TimeSpan Buffer => TimeSpan.FromMinutes(BufferMinutes);
    public TimeSpan DefaultLength => TimeSpan.FromMinutes(DefaultMinutes);
}
