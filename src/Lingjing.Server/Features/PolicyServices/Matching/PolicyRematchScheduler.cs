using Lingjing.Server.Infrastructure.Jobs;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.PolicyServices.Matching;

/// <summary>Keeps stored matches current when enterprise profiles change (publishing and editing a
/// policy already rematch it): every <c>Lingjing:Policies:RematchIntervalMinutes</c> minutes (default
/// 15, 0 = never) it compares a fingerprint of the enterprise data with the one every published policy was
/// last matched against and, when they differ (or nothing was matched since the start), rematches every
/// published policy and notifies the newly eligible.</summary>
public sealed class PolicyRematchScheduler(
    IServiceScopeFactory scopes, ProfileSnapshotCache profiles, IOptions<PolicyOptions> options, TimeProvider time,
    ILogger<PolicyRematchScheduler> logger) : RecurringJob(time, logger)
{
    public override string Name => "policy-rematch";

    protected override TimeSpan Interval => TimeSpan.FromMinutes(options.Value.RematchIntervalMinutes);

    protected override async Task RunAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var fingerprint = await scope.ServiceProvider.GetRequiredService<ProfileLoader>().FingerprintAsync(ct);
        if (fingerprint == profiles.AllMatchedFingerprint) return;
        var outcomes = await scope.ServiceProvider.GetRequiredService<PolicyService>().RematchAllAsync(ct);
        logger.LogInformation("Enterprise profiles changed: rematched {Policies} policies, {New} newly eligible",
            outcomes.Count, outcomes.Sum(o => o.NewlyEligible.Count));
    }
}
