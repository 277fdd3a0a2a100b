namespace Lingjing.Server.Features.Bookings;

/// <summary>A free time range of a space, in the zone's time zone.</summary>
public sealed record FreeSlot(DateTimeOffset Start, DateTimeOffset End);
