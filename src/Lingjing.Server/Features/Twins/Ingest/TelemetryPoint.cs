namespace Lingjing.Server.Features.Twins.Ingest;

/// <summary>One numeric reading of one series at an instant (Unix milliseconds, UTC).</summary>
public readonly record struct TelemetryPoint(int SeriesId, long Timestamp, double Value);
