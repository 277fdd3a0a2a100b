using System.ComponentModel;

namespace Lingjing.Server.Features.Bookings;

/// <summary>A park's limits on active bookings as the API and the park terminal show them: the
/// limits in force (null: none) and whether they are the zone's defaults (the park set none). Immutable: cached as is.</summary>
[ImmutableObject(true)]
public sealed record ParkLimitsView(int ParkId, int? ActivePerPerson, int? ActivePerEnterprise, bool ZoneDefaults,
    int? DefaultActivePerPerson, int? DefaultActivePerEnterprise);

/// <summary>What a park operator sets: each limit 1 to 1,000, or null for no limit.</summary>
public sealed record ParkLimitsUpdate(int? ActivePerPerson, int? ActivePerEnterprise)
{
    public const int Max = 1000;
    public static readonly Field ActivePerPersonField = new("activePerPerson", "Active bookings per person");
    public static readonly Field ActivePerEnterpriseField = new("activePerEnterprise", "Active bookings per enterprise");

    public FieldErrors Validate()
    {
        var errors = new FieldErrors();
        if (ActivePerPerson is { } person && person is < 1 or > Max) errors.Add(ActivePerPersonField, "Between 1 and {0}, or blank for no limit.", Max);
        if (ActivePerEnterprise is { } enterprise && enterprise is < 1 or > Max) errors.Add(ActivePerEnterpriseField, "Between 1 and {0}, or blank for no limit.", Max);
        return errors;
    }
}
