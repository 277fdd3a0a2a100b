namespace Lingjing.Server.Features.World;

/// <summary>What the browser builds a 3D world from: one park, or every park of the zone placed by
/// their coordinates. Lengths are metres; x is east, z is north (a park's local y), the ground is y = 0.
/// Never changed once built: cached and shared as is (<see cref="WorldScenes"/>).</summary>
/// <param name="WorldId">The realtime world to join: <c>park-{id}</c>, <c>zone</c>, <c>meeting-{booking}</c> or <c>hall-{event}-{instance}</c>.</param>
/// <param name="Spawn">Where a new avatar appears, [x, z].</param>
/// <param name="Bounds">[minX, minZ, maxX, maxZ] of everything in the scene.</param>
[System.ComponentModel.ImmutableObject(true)]
public sealed record WorldScene(
    string WorldId,
    string Kind,
    DateTimeOffset GeneratedAt,
    double[] Spawn,
    double[] Bounds,
    IReadOnlyList<WorldScene.ParkScene> Parks)
{
    /// <summary>Which way a new avatar faces at <see cref="Spawn"/>: radians about the vertical axis, 0 facing north (+z), towards the park.</summary>
    public double SpawnHeading { get; init; }

    public const string ParkKind = "park";
    public const string ZoneKind = "zone";
    /// <summary>A meeting's room: <see cref="Parks"/> holds one entry, the room (its walls as the boundary).</summary>
    public const string MeetingKind = "meeting";
    /// <summary>An event's hall: <see cref="Parks"/> holds one entry, the hall (its walls as the boundary, the event's id
    /// and title as its id and names), and <see cref="Stage"/> where the stage stands.</summary>
    public const string HallKind = "hall";

    /// <summary>An event hall's stage, [minX, minZ, maxX, maxZ]; null elsewhere.</summary>
    public double[]? Stage { get; init; }

    /// <summary>An expo hall: <see cref="Parks"/> holds the hall, <see cref="Stands"/> its exhibitors' stands.</summary>
    public const string ExpoKind = "expo";

    /// <summary>The government's service hall: <see cref="Parks"/> holds the hall, <see cref="Stands"/> its desks (the
    /// desk's id as the booth, its letter as the code, its category as the exhibitor).</summary>
    public const string ServiceHallKind = "service-hall";

    /// <summary>An expo hall's stands, or the service hall's desks; null elsewhere.</summary>
    public IReadOnlyList<StandScene>? Stands { get; init; }

    /// <summary>An exhibitor's stand in an expo hall: its booth (for the booth's page and card), its code, where its centre
    /// stands [x, z] and how wide its square is (metres), and whose it is.</summary>
    public sealed record StandScene(int BoothId, string Code, double X, double Z, double Size, string TitleZh, string TitleEn,
        int EnterpriseId, string ExhibitorZh, string ExhibitorEn);

    /// <param name="Origin">The park's local origin in the scene, [x, z]; [0, 0] in a park scene.</param>
    /// <param name="Boundary">Polygon [[x, z], ...] in the park's local frame.</param>
    public sealed record ParkScene(
        int Id,
        string NameZh,
        string NameEn,
        double[] Origin,
        double[][] Boundary,
        bool AllowsGuests,
        IReadOnlyList<BuildingScene> Buildings,
        IReadOnlyList<SpaceScene> Spaces);

    /// <param name="Footprint">Polygon [[x, z], ...] in the park's local frame.</param>
    /// <param name="ModelUrl">A glTF/GLB model that replaces the extruded footprint, if the park uploaded one.</param>
    public sealed record BuildingScene(
        int Id,
        string NameZh,
        string NameEn,
        double[][] Footprint,
        double Height,
        int Floors,
        string? ModelUrl,
        IReadOnlyList<ShowroomScene> Showrooms);

    /// <param name="OpenDays">Bit 0 = Monday ... bit 6 = Sunday.</param>
    /// <param name="OpenNow">Open at the time of the answer, in the zone's time zone.</param>
    public sealed record SpaceScene(
        int Id,
        int? BuildingId,
        string NameZh,
        string NameEn,
        string Type,
        string TypeZh,
        string TypeEn,
        int Capacity,
        double X,
        double Z,
        string OpensAt,
        string ClosesAt,
        int OpenDays,
        bool OpenNow);

    /// <summary>An enterprise shown in its building (the largest by revenue, a few per building).</summary>
    public sealed record ShowroomScene(int Id, string NameZh, string NameEn, string Category);
}
