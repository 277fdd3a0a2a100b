using System.Globalization;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lingjing.Server.Tests.World;

/// <summary>Parks, buildings, spaces and enterprises written straight into a test app's database
/// (the app is started without the demo zone, so the rows are all there is).</summary>
public static class WorldTestZone
{
    /// <summary>A park of buildings in a grid, one space per building (alternately open all week and
    /// never open) and <paramref name="enterprisesPerBuilding"/> enterprises in each building.</summary>
    public static async Task<Park> AddParkAsync(LingjingApp app, string code, int buildings = 4, int enterprisesPerBuilding = 8,
        double latitude = 39.9, double longitude = 116.4)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
        var columns = (int)Math.Ceiling(Math.Sqrt(buildings));
        var half = columns * 20 + 20;
        var park = new Park
        {
            AllowsGuests = true, // open to every signed-in person, as the world tests expect; admission has tests of its own
            Code = code,
            NameZh = $"{code}文化园",
            NameEn = $"{code} Culture Park",
            AddressZh = "测试路1号",
            AddressEn = "1 Test Road",
            Latitude = latitude,
            Longitude = longitude,
            Boundary = $"[[-{half},-{half}],[{half},-{half}],[{half},{half}],[-{half},{half}]]",
        };
        db.Set<Park>().Add(park);
        await db.SaveChangesAsync();

        var rows = new List<Building>();
        for (var i = 0; i < buildings; i++)
        {
            var x = (i % columns) * 40 - columns * 20 + 5;
            var y = (i / columns) * 40 - columns * 20 + 5;
            rows.Add(new Building
            {
                ParkId = park.Id,
                NameZh = $"{i + 1}号楼",
                NameEn = $"Building {i + 1}",
                Footprint = string.Create(CultureInfo.InvariantCulture, $"[[{x},{y}],[{x + 24},{y}],[{x + 24},{y + 18}],[{x},{y + 18}]]"),
                HeightMeters = 12 + i % 5 * 6,
                Floors = 3 + i % 5 * 2,
            });
        }
        db.Set<Building>().AddRange(rows);
        await db.SaveChangesAsync();

        var enterprise = 0;
        foreach (var (building, i) in rows.Select((b, i) => (b, i)))
        {
            var open = i % 2 == 0;
            db.Set<Space>().Add(new Space
            {
                ParkId = park.Id,
                BuildingId = building.Id,
                NameZh = $"{i + 1}号空间",
                NameEn = $"Space {i + 1}",
                SpaceType = "exhibition-hall",
                Capacity = 50 + i,
                OpensAt = new TimeOnly(0, 0),
                ClosesAt = new TimeOnly(0, 0), // the same time twice: all day
                OpenDays = open ? 0b111_1111 : 0,
                X = (i % columns) * 40 - columns * 20 + 2,
                Y = (i / columns) * 40 - columns * 20 + 2,
            });
            for (var e = 0; e < enterprisesPerBuilding; e++, enterprise++)
            {
                db.Set<Enterprise>().Add(new Enterprise
                {
                    ParkId = park.Id,
                    BuildingId = building.Id,
                    CreditCode = $"{code}{enterprise:D8}".PadRight(18, 'X')[..18],
                    NameZh = $"{code}企业{enterprise}",
                    NameEn = $"{code} Studio {enterprise}",
                    Category = "design",
                    LatestRevenueYuan = 1_000_000 + e * 10_000,
                    UpdatedAt = TestClock.Now.UtcDateTime,
                });
            }
        }
        await db.SaveChangesAsync();
        return park;
    }
}
