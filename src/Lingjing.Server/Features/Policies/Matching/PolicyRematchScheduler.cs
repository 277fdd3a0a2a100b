namespace Lingjing.Server.Features.PolicyServices.Matching;

/// <summary>Keeps stored matches current when enterprise profiles change (publishing and editing a
/// policy already rematch it): every <c>Lingjing:Policies:RematchIntervalMinutes</c> minutes (default
/// 15, 0 = never) it compares a fingerprint of the enterprise data and, when it changed, rematches every
/// published policy and notifies the newly eligible.</summary>
public sealed class PolicyRematchScheduler(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<PolicyRematchScheduler> logger) : BackgroundService
{
    public const string IntervalSetting = "Lingjing:Policies:RematchIntervalMinutes";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = configuration.GetValue(IntervalSetting, 15.0);
        if (minutes <= 0) return;
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(minutes));
        string? seen = null;
        try
        {
            seen = await FingerprintAsync(stoppingToken);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var now = await FingerprintAsync(stoppingToken);
                if (now == seen) continue;
                await using var scope = scopes.CreateAsyncScope();
                var outcomes = await scope.ServiceProvider.GetRequiredService<PolicyService>().RematchAllAsync(stoppingToken);
                logger.LogInformation("Enterprise profiles changed: rematched {Policies} policies, {New} newly eligible",
                    outcomes.Count, outcomes.Sum(o => o.NewlyEligible.Count));
                seen = now;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogError(e, "Scheduled policy rematching stopped");
        }
    }

    private async Task<string> FingerprintAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ProfileLoader>().FingerprintAsync(ct);
    }
}
