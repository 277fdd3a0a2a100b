using Lingjing.Server.Features.Zone;

namespace Lingjing.Server.Features.Demo;

/// <summary>A generated park with its buildings and layout, which the enterprise, institution and
/// space generators place their rows into.</summary>
internal sealed record DemoParkPlan(Park Park, ParkLayout Layout, IReadOnlyList<Building> Buildings, DemoPlaces.Place Place);
