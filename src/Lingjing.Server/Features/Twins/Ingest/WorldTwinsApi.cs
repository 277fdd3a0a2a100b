using System.Security.Claims;
using System.Text.Json;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Twins.Graph;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Twins.Ingest;

/// <summary>Live twin data for the 3D world's overlay: how full and how warm each space is (for every
/// signed-in visitor) and the state of the machines (for the park's operators and the government).</summary>
public static class WorldTwinsApi
{
    public sealed record SpaceLive(int SpaceId, double? Occupancy, int Capacity, double? Temperature);

    public sealed record MachineLive(string TwinId, string NameEn, string NameZh, int? BuildingId, double? State);

    public sealed record WorldTwins(IReadOnlyList<SpaceLive> Spaces, IReadOnlyList<MachineLive> Machines);

    public static void MapWorldTwinsApi(this WebApplication app) =>
        app.MapGet("/api/v1/world/twins", async (int? park, ClaimsPrincipal user, LingjingDbContext db, SeriesRegistry series, LatestValues latest, CancellationToken ct) =>
            {
                var twins = db.Set<Twin>().AsNoTracking();
                if (park is { } p) twins = twins.Where(t => t.ParkId == p);
                var spaces = await twins.Where(t => t.ModelId == DemoTwinPlan.Space).Select(t => new { t.Id, t.Properties }).ToListAsync(ct);
                var ids = spaces.Select(s => s.Id).ToList();
                var sensors = await db.Set<TwinRelationship>().AsNoTracking().Where(r => r.Name == "hasSensor" && ids.Contains(r.SourceId)).ToListAsync(ct);
                var bySpace = sensors.GroupBy(r => r.SourceId).ToDictionary(g => g.Key, g => g.Select(r => r.TargetId).ToList());
                double? Latest(IEnumerable<string> twinIds, string name) => twinIds
                    .Select(id => series.Find(id, name) is { } s ? latest.Of(s.Id)?.Value : null).FirstOrDefault(v => v is not null);

                var spaceLive = new List<SpaceLive>();
                foreach (var space in spaces)
                {
                    if (!bySpace.TryGetValue(space.Id, out var attached)) continue;
                    var occupancy = Latest(attached, "occupancy");
                    var temperature = Latest(attached, "temperature");
                    if (occupancy is null && temperature is null) continue;
                    using var properties = JsonDocument.Parse(space.Properties);
                    var root = properties.RootElement;
                    if (!root.TryGetProperty("spaceId", out var spaceId) || !spaceId.TryGetInt32(out var zoneSpaceId)) continue;
                    var capacity = root.TryGetProperty("capacity", out var c) && c.TryGetInt32(out var cap) ? cap : 0;
                    spaceLive.Add(new SpaceLive(zoneSpaceId, occupancy, capacity, temperature));
                }

                var access = TwinAccess.Of(user);
                var machines = new List<MachineLive>();
                if (access.Any)
                {
                    var machineTwins = await twins.Where(t => t.ModelId == Oee.OeeCalculator.MachineModel).ToListAsync(ct);
                    var lineIds = machineTwins.Select(m => m.ParentId).Distinct().ToList();
                    var lines = await db.Set<Twin>().AsNoTracking().Where(t => lineIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.ParentId, ct);
                    foreach (var m in machineTwins.Where(m => access.Sees(m.ParkId)).OrderBy(m => m.Id))
                    {
                        // The line sits in a building twin "p01-b12": the world knows building 12.
                        var building = m.ParentId is { } line && lines.GetValueOrDefault(line) is { } b && b.LastIndexOf("-b", StringComparison.Ordinal) is var at and >= 0
                            && int.TryParse(b[(at + 2)..], out var buildingId) ? buildingId : (int?)null;
                        machines.Add(new MachineLive(m.Id, m.NameEn, m.NameZh, building, Latest([m.Id], "state")));
                    }
                }
                return TypedResults.Ok(new WorldTwins(spaceLive, machines));
            })
            .WithTags("Telemetry").RequireAuthorization(Policies.SignedIn)
            .WithSummary("Live values for the 3D world: space occupancy and temperature; machine states for their park's operators")
            .WithDescription("park=<id> for one park's world; without it, the whole zone.");
}
