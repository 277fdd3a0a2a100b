using Lingjing.Server.Features.Zone;

namespace Lingjing.Server.Features.Bookings;

/// <summary>A space with everything that decides whether a time can be booked.</summary>
public sealed record BookableSpace(Space Space, SpaceBookingRules Rules, IReadOnlyList<SpaceBlackout> Blackouts)
{
    public SpaceBlackout? BlackoutOn(DateOnly day) => Blackouts.FirstOrDefault(b => b.Covers(day));
}
