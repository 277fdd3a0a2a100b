using Lingjing.Server.Features.World;
using Lingjing.World;

namespace Lingjing.Server.Features.Events.Hall;

/// <summary>
/// The shape of an event's hall: 36 x 30 m centred on the origin, the stage across the north end under the big screen,
/// rows of seats facing it, the doors in the south wall where people arrive facing the stage. Every corner is within the
/// world's view of every other, so the whole audience sees the stage; voices of the audience carry a few rows
/// (<see cref="AudienceHearingMetres"/>), the stage's to everyone (it is amplified).
/// </summary>
public static class HallLayout
{
    public const double Width = 36, Depth = 30;
    /// <summary>The stage: the full width but two metres each side, six metres deep, a metre from the north wall.</summary>
    public const double StageDepth = 6, StageMargin = 2;
    public const double AudienceHearingMetres = 6;
    private const double DoorStep = 2;
    /// <summary>A hall nobody has been in this long leaves the server's memory; the next visit makes it again.</summary>
    public static readonly TimeSpan ClosesWhenEmptyFor = TimeSpan.FromMinutes(30);

    /// <summary>One instance of the hall: every instance of the event shares its stage (<see cref="HallWorlds.StageOf"/>).</summary>
    public static WorldDefinition Definition(string worldId, int eventId, IReadOnlyCollection<string> amplified)
    {
        var (halfX, halfZ) = (Cm(Width / 2), Cm(Depth / 2));
        return new WorldDefinition(worldId, new WorldBounds(-halfX, -1_000, -halfZ, halfX, 5_000, halfZ),
            new PositionCm(0, 0, Cm(-Depth / 2 + DoorStep)), AllowGuests: false, SpawnScatterCm: 300)
        {
            HearingRadiusCm = Cm(AudienceHearingMetres),
            CloseWhenEmptyFor = ClosesWhenEmptyFor,
            Amplified = amplified,
            SharedStage = HallWorlds.StageOf(eventId),
        };
    }

    public static WorldScene Scene(string worldId, int eventId, string titleZh, string titleEn, DateTimeOffset now)
    {
        var (halfX, halfZ) = (Width / 2, Depth / 2);
        double[][] walls = [[-halfX, -halfZ], [halfX, -halfZ], [halfX, halfZ], [-halfX, halfZ]];
        var hall = new WorldScene.ParkScene(eventId, titleZh, titleEn, [0, 0], walls, AllowsGuests: false, [], []);
        return new WorldScene(worldId, WorldScene.HallKind, now, [0, -halfZ + DoorStep], [-halfX, -halfZ, halfX, halfZ], [hall])
        {
            Stage = [-halfX + StageMargin, halfZ - 1 - StageDepth, halfX - StageMargin, halfZ - 1],
        };
    }

    private static int Cm(double metres) => (int)Math.Round(metres * 100);
}
