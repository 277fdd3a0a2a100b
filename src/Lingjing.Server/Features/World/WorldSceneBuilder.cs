using System.Globalization;
using System.Text.Json;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.World;

/// <summary>Reads a park (or the whole zone) from the database into the <see cref="WorldScene"/> the browser renders.</summary>
public sealed class WorldSceneBuilder(LingjingDbContext db, TimeProvider time, IOptions<LingjingOptions> options, BuildingModelStore models)
{
    /// <summary>Showrooms per building in a park scene; the zone view shows fewer so it stays light.</summary>
    public const int ShowroomsPerBuilding = 6;
    public const int ShowroomsPerBuildingInZone = 2;

    public async Task<WorldScene?> ParkAsync(int parkId, CancellationToken ct)
    {
        var park = await db.Set<Park>().AsNoTracking().Where(p => p.Id == parkId).Select(p => new ParkRow(p.Id, p.NameZh, p.NameEn, p.Latitude, p.Longitude, p.Boundary, p.AllowsGuests)).FirstOrDefaultAsync(ct);
        if (park is null) return null;
        var scenes = await ScenesAsync([park], [0, 0], await ShowroomsAsync(parkId, ShowroomsPerBuilding, ct), ct);
        return Compose($"park-{parkId}", WorldScene.ParkKind, scenes);
    }

    public async Task<WorldScene> ZoneAsync(CancellationToken ct)
    {
        var parks = await db.Set<Park>().AsNoTracking().OrderBy(p => p.Id).Select(p => new ParkRow(p.Id, p.NameZh, p.NameEn, p.Latitude, p.Longitude, p.Boundary, p.AllowsGuests)).ToListAsync(ct);
        var scenes = await ScenesAsync(parks, null, await ShowroomsAsync(null, ShowroomsPerBuildingInZone, ct), ct);
        return Compose("zone", WorldScene.ZoneKind, scenes);
    }

    /// <param name="fixedOrigin">The origin of every park ([0, 0] for a single park); null places parks by their coordinates.</param>
    private async Task<List<WorldScene.ParkScene>> ScenesAsync(List<ParkRow> parks, double[]? fixedOrigin, ILookup<int, WorldScene.ShowroomScene> showrooms, CancellationToken ct)
    {
        var parkIds = parks.Select(p => p.Id).ToList();
        var buildings = await db.Set<Building>().AsNoTracking().Where(b => parkIds.Contains(b.ParkId)).OrderBy(b => b.Id).ToListAsync(ct);
        var spaces = await db.Set<Space>().AsNoTracking().Where(s => parkIds.Contains(s.ParkId)).OrderBy(s => s.Id).ToListAsync(ct);

        var local = TimeZoneInfo.ConvertTime(time.GetUtcNow(), options.Value.ZoneTimeZone).DateTime;
        var layout = new ZoneLayout(parks.Select(p => (p.Latitude, p.Longitude)).ToList());
        var buildingsByPark = buildings.ToLookup(b => b.ParkId);
        var spacesByPark = spaces.ToLookup(s => s.ParkId);

        return parks.Select(p => new WorldScene.ParkScene(
            p.Id, p.NameZh, p.NameEn,
            fixedOrigin ?? layout.Place(p.Latitude, p.Longitude),
            Polygon(p.Boundary),
            p.AllowsGuests,
            buildingsByPark[p.Id].Select(b => new WorldScene.BuildingScene(
                b.Id, b.NameZh, b.NameEn, Polygon(b.Footprint), Math.Round(b.HeightMeters, 1), b.Floors,
                models.Exists(b.Id) ? BuildingModelStore.UrlFor(b.Id) : null,
                showrooms[b.Id].ToList())).ToList(),
            spacesByPark[p.Id].Select(s => Space(s, local)).ToList())).ToList();
    }

    /// <summary>The largest enterprises (by latest revenue) of each building. A window function ranks them
    /// in the database (SQLite and PostgreSQL both have ROW_NUMBER), so the zone does not load 50,000 rows.</summary>
    private async Task<ILookup<int, WorldScene.ShowroomScene>> ShowroomsAsync(int? parkId, int perBuilding, CancellationToken ct)
    {
        var ranked = parkId is { } id
            ? db.Set<Enterprise>().FromSql($"""
                SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY building_id ORDER BY latest_revenue_yuan DESC, id) AS showroom_rank
                               FROM enterprises WHERE building_id IS NOT NULL AND park_id = {id}) AS ranked
                WHERE showroom_rank <= {perBuilding}
                """)
            : db.Set<Enterprise>().FromSql($"""
                SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY building_id ORDER BY latest_revenue_yuan DESC, id) AS showroom_rank
                               FROM enterprises WHERE building_id IS NOT NULL) AS ranked
                WHERE showroom_rank <= {perBuilding}
                """);
        var rows = await ranked.AsNoTracking()
            .Select(e => new { BuildingId = e.BuildingId!.Value, e.Id, e.NameZh, e.NameEn, e.Category, e.LatestRevenueYuan })
            .ToListAsync(ct);
        return rows.OrderByDescending(r => r.LatestRevenueYuan).ThenBy(r => r.Id)
            .ToLookup(r => r.BuildingId, r => new WorldScene.ShowroomScene(r.Id, r.NameZh, r.NameEn, r.Category));
    }

    private static WorldScene.SpaceScene Space(Space s, DateTime local)
    {
        var type = SpaceTypes.Find(s.SpaceType);
        return new WorldScene.SpaceScene(
            s.Id, s.BuildingId, s.NameZh, s.NameEn, s.SpaceType, type?.NameZh ?? s.SpaceType, type?.NameEn ?? s.SpaceType,
            s.Capacity, Math.Round(s.X, 1), Math.Round(s.Y, 1),
            s.OpensAt.ToString("HH:mm", CultureInfo.InvariantCulture), s.ClosesAt.ToString("HH:mm", CultureInfo.InvariantCulture),
            s.OpenDays, OpeningHours.IsOpen(s, local));
    }

    private WorldScene Compose(string worldId, string kind, List<WorldScene.ParkScene> parks)
    {
        var points = parks.SelectMany(p => p.Boundary.Concat(p.Buildings.SelectMany(b => b.Footprint)).Select(v => (X: v[0] + p.Origin[0], Z: v[1] + p.Origin[1]))).ToList();
        double[] bounds = points.Count == 0
            ? [-50, -50, 50, 50]
            : [points.Min(v => v.X), points.Min(v => v.Z), points.Max(v => v.X), points.Max(v => v.Z)];
        if (EntranceOf(parks) is not { } entrance)
            return new WorldScene(worldId, kind, time.GetUtcNow(), [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2], bounds, parks);
        var origin = parks[0].Origin;
        return new WorldScene(worldId, kind, time.GetUtcNow(), [Math.Round(origin[0] + entrance.X, 1), Math.Round(origin[1] + entrance.Z, 1)], bounds, parks)
        {
            SpawnHeading = entrance.Heading,
        };
    }

    /// <summary>The first park's entrance (<see cref="ParkEntrance"/>), where the realtime world spawns arrivals too.</summary>
    private static ParkEntrance? EntranceOf(List<WorldScene.ParkScene> parks) =>
        parks.Count == 0 ? null : ParkEntrance.Find(parks[0].Boundary, parks[0].Buildings.Select(b => b.Footprint).Where(f => f.Length >= 3).ToList());

    /// <summary>A stored polygon <c>[[x,y],...]</c>, rounded to decimetres; an unreadable one is empty.</summary>
    private static double[][] Polygon(string json)
    {
        try
        {
            var points = JsonSerializer.Deserialize<double[][]>(json) ?? [];
            return points.Where(p => p.Length >= 2).Select(p => new[] { Math.Round(p[0], 1), Math.Round(p[1], 1) }).ToArray();
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private sealed record ParkRow(int Id, string NameZh, string NameEn, double Latitude, double Longitude, string Boundary, bool AllowsGuests);
}
