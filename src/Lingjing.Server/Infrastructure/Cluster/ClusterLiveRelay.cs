using System.Collections.Concurrent;
using Lingjing.Server.Infrastructure.Realtime;

namespace Lingjing.Server.Infrastructure.Cluster;

/// <summary>The cluster's <see cref="ILiveRelay"/>: this node listens to each attached topic's <see cref="ILiveHubGrain"/>
/// through one observer of its own, renewing the subscription every <see cref="Renewal"/>, and sends what is published
/// here to the hub, which hands it to the other nodes.</summary>
public sealed class ClusterLiveRelay(IGrainFactory grains, ILogger<ClusterLiveRelay> logger) : BackgroundService, ILiveRelay, ILiveNodeObserver
{
    public static readonly TimeSpan Renewal = TimeSpan.FromSeconds(20);

    private readonly ConcurrentDictionary<string, Action<ReadOnlyMemory<byte>>> topics = new();
    private ILiveNodeObserver? self;

    public void Attach(string topic, Action<ReadOnlyMemory<byte>> deliver)
    {
        topics[topic] = deliver;
        if (self is not null) _ = ListenAsync(topic, CancellationToken.None); // attached after the start: listen now
    }

    public void Forward(string topic, ReadOnlyMemory<byte> message)
    {
        if (self is not { } from) return; // the silo has not started: nobody elsewhere can be listening through it yet
        _ = grains.GetGrain<ILiveHubGrain>(topic).PublishAsync(message.ToArray(), from).ContinueWith(
            failed => logger.LogWarning(failed.Exception, "Live message of {Topic} not sent to the other nodes", topic),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }

    public Task DeliverAsync(string topic, byte[] message)
    {
        if (topics.TryGetValue(topic, out var deliver)) deliver(message);
        return Task.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        self = grains.CreateObjectReference<ILiveNodeObserver>(this);
        using var renewal = new PeriodicTimer(Renewal);
        try
        {
            do
            {
                foreach (var topic in topics.Keys) await ListenAsync(topic, stoppingToken);
            }
            while (await renewal.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task ListenAsync(string topic, CancellationToken ct)
    {
        try
        {
            await grains.GetGrain<ILiveHubGrain>(topic).SubscribeAsync(self!).WaitAsync(ct);
        }
        catch (Exception error) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning(error, "Could not listen to {Topic} from the other nodes; trying again within {Renewal}", topic, Renewal);
        }
    }
}
