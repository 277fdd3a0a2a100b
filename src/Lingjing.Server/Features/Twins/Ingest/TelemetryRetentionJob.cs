using Lingjing.Server.Infrastructure.Jobs;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.Twins.Ingest;

/// <summary>Deletes raw readings and rollups past their retention every <c>RetentionIntervalMinutes</c>.</summary>
public sealed class TelemetryRetentionJob(
    TelemetryMaintenance maintenance, IOptions<TelemetryOptions> options, TimeProvider time, ILogger<TelemetryRetentionJob> logger)
    : RecurringJob(time, logger)
{
    public override string Name => "telemetry-retention";
    protected override TimeSpan Interval => TimeSpan.FromMinutes(options.Value.RetentionIntervalMinutes);
    protected override Task RunAsync(CancellationToken ct) => maintenance.ApplyRetentionAsync(ct);
}
