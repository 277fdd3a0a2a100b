namespace Lingjing.Bots;

/// <summary>
/// Where bots walk: a few attractions spread over the area the bots spawned in; each bot belongs to the
/// nearest one, wanders between random waypoints around it, often heads for its centre (so crowds form)
/// and now and then strolls over to another attraction.
/// </summary>
public sealed class WalkPlan
{
    private readonly (int X, int Z)[] _attractions;
    private readonly int _radiusCm;
    private readonly (int MinX, int MinZ, int MaxX, int MaxZ) _bounds;

    private WalkPlan((int X, int Z)[] attractions, int radiusCm, (int MinX, int MinZ, int MaxX, int MaxZ) bounds) =>
        (_attractions, _radiusCm, _bounds) = (attractions, radiusCm, bounds);

    /// <summary>Wandering about one spot within <paramref name="radiusCm"/>, kept 2 m inside the bounds (a hall's stage).</summary>
    public static WalkPlan Around((int X, int Z) centre, int radiusCm, (int MinX, int MinZ, int MaxX, int MaxZ) bounds) =>
        new([centre], radiusCm, bounds);

    public WalkPlan(IReadOnlyList<(int X, int Z)> spawns, (int MinX, int MinZ, int MaxX, int MaxZ) bounds, int attractionCount,
        int maxRadiusCm, int seed)
    {
        _bounds = bounds;
        var centreX = spawns.Average(s => (double)s.X);
        var centreZ = spawns.Average(s => (double)s.Z);
        var spread = Math.Max(1_000, spawns.Max(s => Math.Sqrt(Math.Pow(s.X - centreX, 2) + Math.Pow(s.Z - centreZ, 2))));
        // Attractions share the spawn disc; each covers about its share of it.
        _radiusCm = (int)Math.Min(maxRadiusCm, Math.Max(800, spread / Math.Sqrt(attractionCount)));
        var random = new Random(seed);
        _attractions = new (int, int)[attractionCount];
        for (var i = 0; i < attractionCount; i++)
        {
            var distance = spread * 0.85 * Math.Sqrt(random.NextDouble());
            var angle = random.NextDouble() * 2 * Math.PI;
            _attractions[i] = Clamp((int)(centreX + distance * Math.Cos(angle)), (int)(centreZ + distance * Math.Sin(angle)));
        }
    }

    public int Count => _attractions.Length;

    public int NearestAttraction(int x, int z)
    {
        var best = 0;
        var bestDistance = double.MaxValue;
        for (var i = 0; i < _attractions.Length; i++)
        {
            var d = Math.Pow(_attractions[i].X - x, 2) + Math.Pow(_attractions[i].Z - z, 2);
            if (d < bestDistance) (best, bestDistance) = (i, d);
        }
        return best;
    }

    /// <summary>The next waypoint of a bot whose home is the given attraction (which may change).</summary>
    public (int X, int Z) NextWaypoint(Random random, ref int home)
    {
        var roll = random.NextDouble();
        if (roll < 0.05) home = random.Next(_attractions.Length);
        var (cx, cz) = _attractions[home];
        var radius = roll < 0.35 ? Math.Min(1_000, _radiusCm) : _radiusCm; // the centre draws a crowd
        var distance = radius * Math.Sqrt(random.NextDouble());
        var angle = random.NextDouble() * 2 * Math.PI;
        return Clamp((int)(cx + distance * Math.Cos(angle)), (int)(cz + distance * Math.Sin(angle)));
    }

    private (int X, int Z) Clamp(int x, int z) =>
        (Math.Clamp(x, _bounds.MinX + 200, _bounds.MaxX - 200), Math.Clamp(z, _bounds.MinZ + 200, _bounds.MaxZ - 200));
}
