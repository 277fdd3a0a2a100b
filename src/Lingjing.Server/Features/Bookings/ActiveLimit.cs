namespace Lingjing.Server.Features.Bookings;

/// <summary>The park's limits on active bookings to enforce with a write: at most
/// <paramref name="PerPerson"/> live bookings not yet over of one person, and <paramref name="PerEnterprise"/>
/// of one enterprise, in the park's spaces (null: no limit). <paramref name="Now"/> decides what is over (UTC).</summary>
public sealed record ActiveLimit(int ParkId, Guid UserId, int? EnterpriseId, int? PerPerson, int? PerEnterprise, DateTime Now)
{
    public bool LimitsPerson => PerPerson is not null;
    public bool LimitsEnterprise => PerEnterprise is not null && EnterpriseId is not null;
}
