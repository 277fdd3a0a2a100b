using Lingjing.Server.Infrastructure.Options;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.Twins;

public sealed class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
{
    public ValidateOptionsResult Validate(string? name, TelemetryOptions o) => new SettingsCheck(TelemetryOptions.Section)
        .AtLeast(o.RawRetentionDays, 1, "RawRetentionDays", " days")
        .Require(o.RollupRetentionDays >= o.RawRetentionDays, "RollupRetentionDays",
            $"must be at least RawRetentionDays ({o.RawRetentionDays}), got {o.RollupRetentionDays}.")
        .AtLeast(o.QueueCapacityPoints, 1, "QueueCapacityPoints")
        .AtLeast(o.MaxPointsPerRequest, 1, "MaxPointsPerRequest")
        .Require(o.MaxPointsPerRequest <= o.QueueCapacityPoints, "MaxPointsPerRequest",
            $"must not exceed QueueCapacityPoints ({o.QueueCapacityPoints}), or no request could ever be queued.")
        .AtLeast(o.MaxPointsPerTransaction, 1, "MaxPointsPerTransaction")
        .AtLeast(o.RollupIntervalSeconds, 1, "RollupIntervalSeconds", " s")
        .AtLeast(o.RetentionIntervalMinutes, 1, "RetentionIntervalMinutes", " min")
        .AtLeast(o.LatestFlushSeconds, 1, "LatestFlushSeconds", " s")
        .AtLeast(o.NoDataCheckSeconds, 1, "NoDataCheckSeconds", " s")
        .AtLeast(o.RetryAfterSeconds, 1, "RetryAfterSeconds", " s")
        .AtLeast(o.DemoIntervalSeconds, 1, "DemoIntervalSeconds", " s")
        .Result();
}
