using Lingjing.Server.Features.World;
using Lingjing.World;

namespace Lingjing.Server.Features.Events.Expo;

/// <summary>
/// An expo hall in the world: one 12 m square per cell of the hall's floor plan (row 0 at the north), each booth's 8 m
/// stand in the middle of its square with 4 m aisles between, the entrance along the south wall. Voices carry a few
/// metres (<see cref="HearingMetres"/>), so a conversation at one stand is not heard at the next.
/// </summary>
public static class ExpoLayout
{
    public const double Cell = 12, Stand = 8, Margin = 4, Entrance = 8, HearingMetres = 6;

    /// <summary>The realtime world of a hall (<see cref="Halls"/>): <c>expo-demonstration</c>, <c>expo-event-12</c>.</summary>
    public static string WorldId(string hall) => "expo-" + hall;

    public static bool TryParse(string worldId, out string hall)
    {
        hall = worldId.StartsWith("expo-", StringComparison.Ordinal) ? worldId[5..] : "";
        return hall == Halls.Demonstration || (hall.StartsWith("event-", StringComparison.Ordinal) && int.TryParse(hall.AsSpan(6), out var id) && id > 0);
    }

    private static (double Width, double Depth) Size(IReadOnlyList<BoothView> booths) =>
        ((booths.Count == 0 ? 3 : booths.Max(b => b.Col) + 1) * Cell + 2 * Margin, (booths.Count == 0 ? 2 : booths.Max(b => b.Row) + 1) * Cell + Margin + Entrance);

    public static WorldDefinition Definition(string hall, IReadOnlyList<BoothView> booths)
    {
        var (width, depth) = Size(booths);
        var (halfX, halfZ) = (Cm(width / 2), Cm(depth / 2));
        return new WorldDefinition(WorldId(hall), new WorldBounds(-halfX, -1_000, -halfZ, halfX, 5_000, halfZ),
            new PositionCm(0, 0, Cm(-depth / 2 + Entrance / 2)), AllowGuests: false, SpawnScatterCm: 300)
        {
            HearingRadiusCm = Cm(HearingMetres),
            CloseWhenEmptyFor = TimeSpan.FromMinutes(30),
        };
    }

    public static WorldScene Scene(string hall, int id, string nameZh, string nameEn, IReadOnlyList<BoothView> booths, DateTimeOffset now)
    {
        var (width, depth) = Size(booths);
        var (halfX, halfZ) = (width / 2, depth / 2);
        double[][] walls = [[-halfX, -halfZ], [halfX, -halfZ], [halfX, halfZ], [-halfX, halfZ]];
        var room = new WorldScene.ParkScene(id, nameZh, nameEn, [0, 0], walls, AllowsGuests: false, [], []);
        return new WorldScene(WorldId(hall), WorldScene.ExpoKind, now, [0, -halfZ + Entrance / 2], [-halfX, -halfZ, halfX, halfZ], [room])
        {
            Stands = booths.Select(b => new WorldScene.StandScene(b.Id, b.Code, -halfX + Margin + (b.Col + 0.5) * Cell, halfZ - Margin - (b.Row + 0.5) * Cell, Stand,
                b.TitleZh, b.TitleEn, b.EnterpriseId, b.EnterpriseZh, b.EnterpriseEn)).ToList(),
        };
    }

    private static int Cm(double metres) => (int)Math.Round(metres * 100);
}
