namespace Lingjing.Server.Features.Bookings;

/// <summary>A booking as the API shows it, with times in the zone's time zone.</summary>
public sealed record BookingView(Guid Id, string Status, int SpaceId, DateTimeOffset Start, DateTimeOffset End, string Purpose, DateTimeOffset CreatedAt);
