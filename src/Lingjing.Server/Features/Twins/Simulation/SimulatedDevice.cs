namespace Lingjing.Server.Features.Twins.Simulation;

/// <summary>One simulated sensor or machine with daily patterns: occupancy follows opening hours
/// (a weekday afternoon peak, quieter weekends), temperature, CO2 and energy follow occupancy,
/// machines run three shifts with short idles and rare faults. Deterministic for a seed. Shared by
/// the server's demo devices and tools/Lingjing.Devices (linked source, no dependencies).</summary>
public sealed class SimulatedDevice
{
    public const string Occupancy = "dtmi:lingjing:OccupancySensor;1";
    public const string Climate = "dtmi:lingjing:TemperatureHumiditySensor;1";
    public const string Energy = "dtmi:lingjing:EnergyMeter;1";
    public const string Air = "dtmi:lingjing:AirQualitySensor;1";
    public const string Door = "dtmi:lingjing:DoorCounter;1";
    public const string Machine = "dtmi:lingjing:Machine;1";

    public static readonly IReadOnlyList<string> Models = [Occupancy, Climate, Energy, Air, Door, Machine];

    private readonly Random random;
    private readonly double scale;
    private double energy;
    private long good;
    private long bad;
    private int faultMinutesLeft;
    private double battery = 100;

    /// <param name="capacity">People for spaces, a rough size for buildings; ideal units per minute for machines.</param>
    public SimulatedDevice(string id, string modelId, double capacity, int seed)
    {
        Id = id;
        ModelId = modelId;
        scale = capacity > 0 ? capacity : 30;
        random = new Random(seed ^ StableHash(id));
        energy = 10_000 + random.Next(0, 50_000);
    }

    public string Id { get; }
    public string ModelId { get; }

    /// <summary>The share of a space's capacity present at a local time: 0 outside 09:00-21:00,
    /// peaking mid-afternoon; weekends at 60 %.</summary>
    public static double OccupancyShare(DateTime local)
    {
        var hour = local.Hour + local.Minute / 60.0;
        if (hour < 9 || hour >= 21) return 0;
        var peak = Math.Exp(-Math.Pow((hour - 14.5) / 3.2, 2));
        var weekend = local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.6 : 1.0;
        return Math.Clamp(0.1 + 0.75 * peak, 0, 1) * weekend;
    }

    /// <summary>The values of one reading at <paramref name="utc"/>, <paramref name="seconds"/> after the previous one.</summary>
    public IReadOnlyList<KeyValuePair<string, object>> Sample(DateTimeOffset utc, TimeZoneInfo zone, double seconds)
    {
        var local = TimeZoneInfo.ConvertTime(utc, zone).DateTime;
        var share = OccupancyShare(local);
        var noise = random.NextDouble() - 0.5;
        switch (ModelId)
        {
            case Occupancy:
                return [new("occupancy", (int)Math.Round(Math.Max(0, scale * share * (1 + 0.3 * noise))))];
            case Climate:
            {
                var outside = 18 + 6 * Math.Sin((local.Hour - 9) / 24.0 * 2 * Math.PI);
                var temperature = 21 + 0.15 * (outside - 18) + 3.5 * share + noise * 0.6;
                battery = Math.Max(5, battery - seconds / 86_400.0 * 0.5);
                return [new("temperature", Math.Round(temperature, 2)), new("humidity", Math.Round(45 + 10 * share + 4 * noise, 1)), new("battery", Math.Round(battery, 1))];
            }
            case Energy:
            {
                var power = scale * (0.25 + 1.2 * share) * (1 + 0.1 * noise);
                energy += power * seconds / 3600;
                return [new("power", Math.Round(power, 2)), new("energy", Math.Round(energy, 3)),
                    new("phases", new Dictionary<string, double> { ["l1"] = Math.Round(230 + 2 * noise, 1), ["l2"] = Math.Round(231 + 2 * noise, 1), ["l3"] = Math.Round(229 + 2 * noise, 1) })];
            }
            case Air:
                return [new("co2", Math.Round(420 + 900 * share + 40 * noise)), new("pm25", Math.Round(12 + 6 * share + 3 * noise, 1)), new("tvoc", Math.Round(120 + 200 * share + 20 * noise))];
            case Door:
            {
                var flow = scale * share * seconds / 600;
                return [new("entries", (int)Math.Round(Math.Max(0, flow * (1.1 + noise)))), new("exits", (int)Math.Round(Math.Max(0, flow * (0.9 + noise))))];
            }
            case Machine:
                return MachineSample(local, seconds);
            default:
                return [];
        }
    }

    private IReadOnlyList<KeyValuePair<string, object>> MachineSample(DateTime local, double seconds)
    {
        // State: 0 stopped, 1 running, 2 idle, 3 fault. Planned stop on Sunday nights; short changeovers at shift starts (06, 14, 22).
        int state;
        if (local.DayOfWeek == DayOfWeek.Sunday && local.Hour < 6) state = 0;
        else if (faultMinutesLeft > 0) { state = 3; faultMinutesLeft = Math.Max(0, faultMinutesLeft - (int)Math.Ceiling(seconds / 60)); }
        else if (random.NextDouble() < 0.0008 * seconds / 10) { state = 3; faultMinutesLeft = random.Next(3, 15); }
        else if (local.Hour is 6 or 14 or 22 && local.Minute < 10) state = 2;
        else state = random.NextDouble() < 0.04 ? 2 : 1;
        var speed = state == 1 ? scale * (0.82 + 0.15 * random.NextDouble()) : 0;
        var made = speed * seconds / 60;
        var scrap = made * (0.01 + 0.03 * random.NextDouble());
        good += (long)Math.Round(made - scrap);
        bad += (long)Math.Round(scrap);
        var power = state switch { 1 => 35 + speed * 0.2, 2 => 8, 3 => 3, _ => 0.5 } * (1 + 0.05 * (random.NextDouble() - 0.5));
        energy += power * seconds / 3600;
        return [new("state", state), new("speed", Math.Round(speed, 2)), new("goodCount", good), new("badCount", bad), new("power", Math.Round(power, 2)), new("energy", Math.Round(energy, 3))];
    }

    private static int StableHash(string text)
    {
        var hash = 17;
        foreach (var c in text) hash = unchecked(hash * 31 + c);
        return hash;
    }
}
