namespace Lingjing.Server.Features.Twins.Ingest;

/// <summary>A numeric time series: one telemetry (or object field, "phases.l1") of one twin.</summary>
public sealed record SeriesInfo(int Id, string TwinId, string Name);
