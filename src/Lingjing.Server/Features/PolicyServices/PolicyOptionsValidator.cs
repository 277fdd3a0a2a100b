using Lingjing.Server.Infrastructure.Options;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.PolicyServices;

/// <summary>Checks <c>Lingjing:Policies</c> at start.</summary>
public sealed class PolicyOptionsValidator : IValidateOptions<PolicyOptions>
{
    public ValidateOptionsResult Validate(string? name, PolicyOptions o) => new SettingsCheck(PolicyOptions.Section)
        .Require(o.RematchIntervalMinutes is >= 0 and <= 24 * 60, "RematchIntervalMinutes",
            $"must be from 0 (off) to 1440 minutes (got {o.RematchIntervalMinutes}).")
        .Result();
}
