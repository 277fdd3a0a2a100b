namespace Lingjing.Server.Features.Bookings.Oversight;

/// <summary>One zone-local day of a park's (or the zone's) spaces: hours open, hours booked by
/// confirmed bookings (checked in or not), hours waiting for approval, and hours of no-shows that
/// were released. <see cref="Upcoming"/> marks today and later days.</summary>
public sealed record UtilizationDay(
    DateOnly Day, double OpenHours, double BookedHours, double PendingHours, double ReleasedHours, double Utilization, bool Upcoming);

/// <summary>Utilization of the spaces of one type over a period.</summary>
public sealed record SpaceTypeUtilization(
    string SpaceType, string NameZh, string NameEn, int Spaces, double OpenHours, double BookedHours, double ReleasedHours, double Utilization);

/// <summary>Utilization of one park's spaces over a period.</summary>
public sealed record ParkUtilization(
    int ParkId, string Code, string NameZh, string NameEn, int Spaces, double OpenHours, double BookedHours, double ReleasedHours, double Utilization);

/// <summary>Headline booking figures: bookings starting this week (Monday to Sunday, zone time; not
/// cancelled or rejected), utilization and no-show rate over the last 28 full days, and pending
/// bookings that have not ended yet.</summary>
public sealed record BookingKpis(
    int Spaces, int BookingsThisWeek, double Utilization, double OpenHours, double BookedHours, double NoShowRate, int NoShows,
    int PendingApprovals, DateOnly From, DateOnly To);
