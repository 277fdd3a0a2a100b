using System.ComponentModel;
using Lingjing.Server.Features.Zone;

namespace Lingjing.Server.Features.Bookings;

/// <summary>A space with everything that decides whether a time can be booked. Immutable by contract (read
/// only once loaded), so HybridCache hands out the one instance instead of copying it per read.</summary>
[ImmutableObject(true)]
public sealed record BookableSpace(Space Space, SpaceBookingRules Rules, IReadOnlyList<SpaceBlackout> Blackouts)
{
    public SpaceBlackout? BlackoutOn(DateOnly day) => Blackouts.FirstOrDefault(b => b.Covers(day));
}
