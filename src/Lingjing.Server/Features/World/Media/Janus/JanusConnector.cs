namespace Lingjing.Server.Features.World.Media.Janus;

/// <summary>Connects to Janus in the background once the server runs, and keeps trying while Janus is not up yet:
/// the server never waits for it. Until it is connected, forwarded groups are told the forwarder failed and retry.</summary>
internal sealed class JanusConnector(JanusGateway gateway, ILogger<JanusConnector> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await gateway.ConnectAsync(stoppingToken);
                logger.LogInformation("Connected to Janus: groups larger than the peer limit go through its VideoRoom");
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Janus is not reachable yet ({Problem}); trying again in {Delay} s", ex.Message, delay.TotalSeconds);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromSeconds(Math.Min(30, delay.TotalSeconds * 2));
            }
        }
    }
}
