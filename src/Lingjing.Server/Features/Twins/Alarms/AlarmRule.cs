namespace Lingjing.Server.Features.Twins.Alarms;

/// <summary>When to raise an alarm: for all twins of a model (in a park, or everywhere) or for one
/// twin, on one telemetry. <see cref="Kind"/>: threshold (value above/below), rate (change per
/// minute over <see cref="WindowSeconds"/> above/below) or nodata (nothing for WindowSeconds).</summary>
public sealed class AlarmRule
{
    public int Id { get; set; }
    public int? ParkId { get; set; }
    public string? ModelId { get; set; }
    public string? TwinId { get; set; }
    public required string Telemetry { get; set; }
    public required string Kind { get; set; }
    public string Comparison { get; set; } = AlarmComparisons.Above;
    public double Threshold { get; set; }
    public int WindowSeconds { get; set; }
    public string Severity { get; set; } = AlarmSeverities.Warning;
    public required string NameEn { get; set; }
    public required string NameZh { get; set; }
    public bool Enabled { get; set; } = true;
    public DateTime CreatedAt { get; set; }
}

public static class AlarmKinds
{
    public const string Threshold = "threshold";
    public const string Rate = "rate";
    public const string NoData = "nodata";
    public static readonly IReadOnlyList<string> All = [Threshold, Rate, NoData];
}

public static class AlarmComparisons
{
    public const string Above = "above";
    public const string Below = "below";
    public static readonly IReadOnlyList<string> All = [Above, Below];
}

public static class AlarmSeverities
{
    public const string Info = "info";
    public const string Warning = "warning";
    public const string Critical = "critical";
    public static readonly IReadOnlyList<string> All = [Info, Warning, Critical];
}
