using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.Collaboration.Matching;

/// <summary>Builds the candidate index and the open needs once the server has started, in the background, so the first
/// person to ask for matches or a feed does not wait for tens of thousands of descriptions to be segmented
/// (<see cref="CollaborationOptions.WarmIndexAtStart"/>).</summary>
internal sealed class MatchingIndexWarmer(
    CandidateIndexCache candidates, OpenNeedIndexCache openNeeds, IOptions<CollaborationOptions> options, ILogger<MatchingIndexWarmer> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WarmIndexAtStart) return;
        await Task.Yield(); // let the host finish starting
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var index = await candidates.GetAsync(stoppingToken);
            await openNeeds.GetAsync(stoppingToken);
            logger.LogInformation("Matching index ready: {Candidates} candidates in {Seconds:0.0} s", index.Candidates.Count, clock.Elapsed.TotalSeconds);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // Not fatal: the first request builds it instead.
            logger.LogWarning(e, "Building the matching index at start failed");
        }
    }
}
