using Lingjing.Server.Features.World;
using Lingjing.World;

using Lingjing.Server.Features.PolicyServices;

namespace Lingjing.Server.Features.Government.ServiceHall;

/// <summary>
/// The service hall in the world: the desks in a row along the north wall, each a 7 m stand with its counter in a 10 m
/// bay, a waiting area before them and the entrance along the south wall. Voices carry <see cref="HearingMetres"/>, so
/// a visitor at one counter talks with its official without being heard at the next one or in the waiting area.
/// </summary>
public static class ServiceHallLayout
{
    public const string WorldId = "service-hall";
    public const string Key = "zone";
    public const double Bay = 10, Stand = 7, Margin = 4, Waiting = 14, Entrance = 6, HearingMetres = 4.5;

    private static (double Width, double Depth) Size(int desks) => (Math.Max(3, desks) * Bay + 2 * Margin, Margin + Bay + Waiting + Entrance);

    public static WorldDefinition Definition(int desks)
    {
        var (width, depth) = Size(desks);
        var (halfX, halfZ) = (Cm(width / 2), Cm(depth / 2));
        return new WorldDefinition(WorldId, new WorldBounds(-halfX, -1_000, -halfZ, halfX, 5_000, halfZ),
            new PositionCm(0, 0, Cm(-depth / 2 + Entrance / 2)), AllowGuests: false, SpawnScatterCm: 300)
        {
            HearingRadiusCm = Cm(HearingMetres),
            CloseWhenEmptyFor = TimeSpan.FromMinutes(30),
        };
    }

    public static WorldScene Scene(IReadOnlyList<DeskView> desks, DateTimeOffset now)
    {
        var (width, depth) = Size(desks.Count);
        var (halfX, halfZ) = (width / 2, depth / 2);
        double[][] walls = [[-halfX, -halfZ], [halfX, -halfZ], [halfX, halfZ], [-halfX, halfZ]];
        var room = new WorldScene.ParkScene(0, "政务服务大厅", "Government service hall", [0, 0], walls, AllowsGuests: false, [], []);
        var first = -desks.Count * Bay / 2;
        return new WorldScene(WorldId, WorldScene.ServiceHallKind, now, [0, -halfZ + Entrance / 2], [-halfX, -halfZ, halfX, halfZ], [room])
        {
            Stands = desks.Select((d, i) =>
            {
                var (zh, en) = ServiceCategories.Name(d.Category);
                return new WorldScene.StandScene(d.Id, d.Code, first + (i + 0.5) * Bay, halfZ - Margin - Stand / 2, Stand, d.NameZh, d.NameEn, 0, zh, en);
            }).ToList(),
        };
    }

    private static int Cm(double metres) => (int)Math.Round(metres * 100);
}
