namespace Lingjing.Server.Features.Twins.Ingest;

/// <summary>The newest value of one telemetry of a twin.</summary>
public sealed record LatestValueView(string Name, DateTimeOffset At, double? Value, string? Text);

/// <summary>A twin's newest values (live dashboards, the 3D overlay).</summary>
public sealed record TwinLiveView(string TwinId, string ModelId, string NameEn, string NameZh, string? ParentId, DateTimeOffset? LastSeen, IReadOnlyList<LatestValueView> Values);

/// <summary>One rollup bucket: average, minimum, maximum and count of the readings in it.</summary>
public sealed record HistoryPoint(DateTimeOffset At, double Average, double Min, double Max, long Count);

public sealed record HistoryView(string TwinId, string Name, string Resolution, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<HistoryPoint> Points);
