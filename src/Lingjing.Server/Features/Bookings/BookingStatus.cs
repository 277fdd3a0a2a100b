namespace Lingjing.Server.Features.Bookings;

/// <summary>Booking status codes. Pending and confirmed bookings are live: they hold their time.</summary>
public static class BookingStatus
{
    public const string Pending = "pending";
    public const string Confirmed = "confirmed";
    public const string Cancelled = "cancelled";
    public const string Rejected = "rejected";
    /// <summary>Confirmed but nobody checked in in time: released automatically.</summary>
    public const string NoShow = "no-show";

    public static bool IsLive(string status) => status is Pending or Confirmed;
}
