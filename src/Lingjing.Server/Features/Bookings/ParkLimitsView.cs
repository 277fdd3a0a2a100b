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

    public Terminals.FieldErrors Validate()
    {
        var errors = new Terminals.FieldErrors();
        if (ActivePerPerson is { } person && person is < 1 or > Max) errors.Add("activePerPerson", $"Between 1 and {Max}, or blank for no limit.");
        if (ActivePerEnterprise is { } enterprise && enterprise is < 1 or > Max) errors.Add("activePerEnterprise", $"Between 1 and {Max}, or blank for no limit.");
        return errors;
    }
}
