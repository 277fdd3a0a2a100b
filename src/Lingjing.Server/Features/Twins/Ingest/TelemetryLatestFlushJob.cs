using Lingjing.Server.Infrastructure.Jobs;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.Twins.Ingest;

/// <summary>Writes changed latest values to <c>telemetry_series</c> every <c>LatestFlushSeconds</c>, for the next start.</summary>
public sealed class TelemetryLatestFlushJob(
    TelemetryMaintenance maintenance, IOptions<TelemetryOptions> options, TimeProvider time, ILogger<TelemetryLatestFlushJob> logger)
    : RecurringJob(time, logger)
{
    public override string Name => "telemetry-latest-flush";
    protected override bool OncePerCluster => false; // each node flushes the latest values it holds
    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.LatestFlushSeconds);
    protected override bool RunsAtStart => true;
    protected override Task RunAsync(CancellationToken ct) => maintenance.FlushLatestAsync(ct);
}
