using Lingjing.Server.Infrastructure.Jobs;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.Twins.Alarms;

/// <summary>Raises "no data" alarms for twins that went silent, every <c>NoDataCheckSeconds</c>.</summary>
public sealed class AlarmNoDataJob(AlarmEngine engine, IOptions<TelemetryOptions> options, TimeProvider time, ILogger<AlarmNoDataJob> logger)
    : RecurringJob(time, logger)
{
    public override string Name => "alarm-no-data";
    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.NoDataCheckSeconds);

    protected override Task RunAsync(CancellationToken ct)
    {
        engine.CheckNoData();
        return Task.CompletedTask;
    }
}
