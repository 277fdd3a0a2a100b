namespace Lingjing.Server.Features.Twins;

/// <summary>The <c>Lingjing:Telemetry</c> configuration section.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Lingjing:Telemetry";

    /// <summary>How long raw readings are kept.</summary>
    public int RawRetentionDays { get; set; } = 7;
    /// <summary>How long minute and hour rollups are kept (two years).</summary>
    public int RollupRetentionDays { get; set; } = 730;
    /// <summary>Points waiting to be written (and being written) at most; beyond it ingest answers 503.</summary>
    public int QueueCapacityPoints { get; set; } = 1_000_000;
    /// <summary>Points in one request at most (HTTP or one MQTT message).</summary>
    public int MaxPointsPerRequest { get; set; } = 20_000;
    /// <summary>Points in one database transaction at most.</summary>
    public int MaxPointsPerTransaction { get; set; } = 100_000;
    /// <summary>Seconds between folds of new raw readings into the minute and hour rollups.</summary>
    public int RollupIntervalSeconds { get; set; } = 10;
    /// <summary>Minutes between retention passes.</summary>
    public int RetentionIntervalMinutes { get; set; } = 60;
    /// <summary>Seconds between writes of the latest values to telemetry_series.</summary>
    public int LatestFlushSeconds { get; set; } = 5;
    /// <summary>Seconds between no-data alarm checks.</summary>
    public int NoDataCheckSeconds { get; set; } = 15;
    /// <summary>Seconds a 503 asks a device to wait.</summary>
    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>Simulated devices inside the server so dashboards are alive on first start. Unset: on
    /// in demo mode, except in the Testing environment.</summary>
    public bool? DemoDevices { get; set; }
    /// <summary>Parks whose sensors and machines the demo devices play.</summary>
    public int[] DemoParks { get; set; } = [1];
    /// <summary>Seconds between readings of a demo device.</summary>
    public int DemoIntervalSeconds { get; set; } = 10;
    /// <summary>Hours of history the demo devices write on their first start (5-minute readings).</summary>
    public int DemoBackfillHours { get; set; } = 48;
}
