using Lingjing.World;

namespace Lingjing.Server.Features.World.Meetings;

/// <summary>
/// The shape of a meeting's room in the world: a rectangle of about 2.5 m² a person (8 x 6 m to 24 x 18 m) centred on
/// the origin, the screen on the north wall, the door in the south wall where people arrive facing the screen.
/// Voices carry across the whole room (the world's hearing radius spans its diagonal).
/// </summary>
public static class MeetingRoomLayout
{
    private const double SquareMetresPerPerson = 2.5;
    private const double MinWidth = 8, MaxWidth = 24, DepthPerWidth = 0.75;
    /// <summary>Arrivals stand this far inside the door.</summary>
    private const double DoorStep = 1.5;
    /// <summary>A room nobody has been in this long leaves the server's memory (a node hosts many meetings a day);
    /// whoever comes back within the meeting makes it again.</summary>
    public static readonly TimeSpan ClosesWhenEmptyFor = TimeSpan.FromMinutes(10);

    public static (double Width, double Depth) Size(int capacity)
    {
        var width = Math.Clamp(Math.Sqrt(Math.Max(1, capacity) * SquareMetresPerPerson / DepthPerWidth), MinWidth, MaxWidth);
        return (Math.Round(width, 1), Math.Round(width * DepthPerWidth, 1));
    }

    /// <param name="mixFrom">A forwarded group this large hears one mix of its voices (<c>Lingjing:Media:MixFrom</c>).</param>
    public static WorldDefinition Definition(Meeting meeting, int mixFrom)
    {
        var (width, depth) = Size(meeting.Capacity);
        var (halfX, halfZ) = (Cm(width / 2), Cm(depth / 2));
        return new WorldDefinition(meeting.WorldId, new WorldBounds(-halfX, -1_000, -halfZ, halfX, 5_000, halfZ),
            new PositionCm(0, 0, Cm(-depth / 2 + DoorStep)), AllowGuests: false, SpawnScatterCm: Cm(Math.Min(2, width / 4)))
        {
            HearingRadiusCm = Cm(Math.Sqrt(width * width + depth * depth)) + 200,
            CloseWhenEmptyFor = ClosesWhenEmptyFor,
            MixVoicesFrom = mixFrom,
        };
    }

    public static WorldScene Scene(Meeting meeting, DateTimeOffset now)
    {
        var (width, depth) = Size(meeting.Capacity);
        var (halfX, halfZ) = (width / 2, depth / 2);
        double[][] walls = [[-halfX, -halfZ], [halfX, -halfZ], [halfX, halfZ], [-halfX, halfZ]];
        var room = new WorldScene.ParkScene(meeting.ParkId, meeting.NameZh, meeting.NameEn, [0, 0], walls, AllowsGuests: false, [], []);
        return new WorldScene(meeting.WorldId, WorldScene.MeetingKind, now, [0, -halfZ + DoorStep], [-halfX, -halfZ, halfX, halfZ], [room]);
    }

    private static int Cm(double metres) => (int)Math.Round(metres * 100);
}
