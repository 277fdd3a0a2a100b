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
        return new WorldScene(worldId, kind, time.GetUtcNow(), Spawn(parks, bounds), bounds, parks);
    }

    /// <summary>In the first park, the open ground nearest its centre: the first point of a spiral of
    /// 4 m steps that is at least <see cref="SpawnClearance"/> from every building's bounding box.</summary>
    private static double[] Spawn(List<WorldScene.ParkScene> parks, double[] bounds)
    {
        if (parks.Count == 0) return [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2];
        var park = parks[0];
        var vertices = park.Boundary.Length > 0 ? park.Boundary : [[0, 0]];
        var centreX = vertices.Average(v => v[0]);
        var centreZ = vertices.Average(v => v[1]);
        var boxes = park.Buildings.Where(b => b.Footprint.Length > 0)
            .Select(b => (MinX: b.Footprint.Min(v => v[0]), MinZ: b.Footprint.Min(v => v[1]), MaxX: b.Footprint.Max(v => v[0]), MaxZ: b.Footprint.Max(v => v[1])))
            .ToList();
        var (minX, maxX, minZ, maxZ) = (vertices.Min(v => v[0]), vertices.Max(v => v[0]), vertices.Min(v => v[1]), vertices.Max(v => v[1]));
        bool Clear(double x, double z) => x >= minX && x <= maxX && z >= minZ && z <= maxZ && boxes.All(b =>
            x < b.MinX - SpawnClearance || x > b.MaxX + SpawnClearance || z < b.MinZ - SpawnClearance || z > b.MaxZ + SpawnClearance);

        var (spawnX, spawnZ) = (centreX, centreZ);
        for (var ring = 0; ring < 60 && !Clear(spawnX, spawnZ); ring++)
        {
            var candidates = Ring(ring).Select(p => (X: centreX + p.X * 4, Z: centreZ + p.Z * 4)).Where(p => Clear(p.X, p.Z)).ToList();
            if (candidates.Count > 0)
                (spawnX, spawnZ) = candidates.MinBy(p => Math.Pow(p.X - centreX, 2) + Math.Pow(p.Z - centreZ, 2));
        }
        return [Math.Round(spawnX + park.Origin[0], 1), Math.Round(spawnZ + park.Origin[1], 1)];
    }

    /// <summary>Room around buildings where a new avatar (and the camera behind it) may appear.</summary>
    private const double SpawnClearance = 8;

    /// <summary>The grid points on the square ring <paramref name="r"/> steps from the origin.</summary>
    private static IEnumerable<(int X, int Z)> Ring(int r)
    {
        if (r == 0)
        {
            yield return (0, 0);
            yield break;
        }
        for (var i = -r; i <= r; i++)
        {
            yield return (i, -r);
            yield return (i, r);
        }
        for (var i = -r + 1; i < r; i++)
        {
            yield return (-r, i);
            yield return (r, i);
        }
    }

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
