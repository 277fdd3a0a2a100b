using Lingjing.Server.Features.Bookings;

namespace Lingjing.Server.Features.Demo;

/// <summary>Booking rules of every demo space, a few blackout days, and four weeks of past and two
/// weeks of coming bookings, so calendars, approval queues and utilization charts have content.</summary>
internal sealed record DemoBookings(List<SpaceBookingRules> Rules, List<SpaceBlackout> Blackouts, List<Booking> Bookings);
