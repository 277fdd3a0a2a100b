using Lingjing.Server.Infrastructure.Jobs;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.Twins.Ingest;

/// <summary>Folds new raw readings into the minute and hour rollups every <c>RollupIntervalSeconds</c>.</summary>
public sealed class TelemetryRollupJob(
    TelemetryMaintenance maintenance, IOptions<TelemetryOptions> options, TimeProvider time, ILogger<TelemetryRollupJob> logger)
    : RecurringJob(time, logger)
{
    public override string Name => "telemetry-rollup";
    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.RollupIntervalSeconds);
    protected override bool RunsAtStart => true;
    protected override Task RunAsync(CancellationToken ct) => maintenance.RollUpAsync(ct);
}
