using System.Collections.Concurrent;
using Google.Protobuf;
using Lingjing.World.Bus;
using Lingjing.World.Bus.Wire;
using Lingjing.World.Grid;
using Orleans.Runtime;

namespace Lingjing.Server.Features.World.Cluster;

/// <summary>
/// The world bus of a node in a cluster. What this node's worlds publish is delivered here at once (a node's own avatars
/// are drawn from the bus like everyone's) and, once per tick, sent as one batch per world to that world's owner
/// (<see cref="IWorldOwnerGrain"/>), which hands it to the other nodes; what they publish comes back through this node's
/// observer. A node Orleans declares dead has its avatars and cells taken out of every world here.
/// </summary>
public sealed class ClusterWorldBus(
    IGrainFactory grains, WorldNodeIdentity identity, IClusterMembershipService membership, TimeProvider time, ILogger<ClusterWorldBus> logger)
    : BackgroundService, IWorldBus, IWorldNodeObserver
{
    /// <summary>A world with nothing to send still tells its owner this often that this node is there.</summary>
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(1);

    /// <summary>A call to an owner that takes longer is given up and repeated (its node may have died).</summary>
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Nodes tick together; a batch crosses the owner to the other nodes in a few milliseconds on a local
    /// network, so waiting this long before composing snapshots shows other nodes' moves at the same tick instead of
    /// the next one (half a tick, 50 ms, on average).</summary>
    public TimeSpan GatherWindow { get; } = TimeSpan.FromMilliseconds(25);

    private readonly InProcessWorldBus local = new();
    private readonly ConcurrentDictionary<string, WorldLink> links = new(StringComparer.Ordinal);
    private readonly RemoteCells remoteCells = new();
    private readonly SemaphoreSlim ticked = new(0, 1);
    private readonly HashSet<string> departedNodes = [];
    private IWorldNodeObserver? self;

    public string NodeId => identity.NodeId;

    public void Publish(WorldCellBatch batch)
    {
        local.Publish(batch);
        Link(batch.WorldId).Add(batch);
    }

    public void Publish(BusEvent message)
    {
        local.Publish(message);
        Link(message.WorldId).Add(message);
    }

    public IDisposable SubscribeCell(string worldId, GridCell cell, ICellBatchReceiver receiver)
    {
        var link = Link(worldId);
        link.Watch(cell);
        return new Both(local.SubscribeCell(worldId, cell, receiver), () => link.Unwatch(cell));
    }

    public IDisposable SubscribeWorld(string worldId, ICellBatchReceiver receiver)
    {
        var link = Link(worldId);
        link.WatchAll(+1);
        return new Both(local.SubscribeWorld(worldId, receiver), () => link.WatchAll(-1));
    }

    public IDisposable SubscribeEvents(string worldId, IBusEventReceiver receiver)
    {
        var link = Link(worldId);
        link.Subscribed(+1);
        return new Both(local.SubscribeEvents(worldId, receiver), () => link.Subscribed(-1));
    }

    public void TickCompleted()
    {
        if (ticked.CurrentCount == 0)
        {
            try
            {
                ticked.Release();
            }
            catch (SemaphoreFullException)
            {
                // Released by another thread just now: the sender wakes once either way.
            }
        }
    }

    public Task DeliverAsync(byte[] traffic)
    {
        Apply(WorldTraffic.Parser.ParseFrom(traffic));
        return Task.CompletedTask;
    }

    /// <summary>The worlds this node has open.</summary>
    public IReadOnlyCollection<string> OpenWorlds => links.Values.Where(l => l.Wanted).Select(l => l.WorldId).ToList();

    /// <summary>Whether the world's owner knows this node (and has handed it what it must know first).</summary>
    public bool IsAttached(string worldId) => links.TryGetValue(worldId, out var link) && link.Attached;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        self = grains.CreateObjectReference<IWorldNodeObserver>(this);
        var watchDeaths = WatchDeathsAsync(stoppingToken);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await ticked.WaitAsync(Heartbeat, stoppingToken);
                foreach (var link in links.Values)
                    if (!link.Sending) _ = SendAsync(link);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await watchDeaths;
    }

    private async Task SendAsync(WorldLink link)
    {
        link.Sending = true;
        WorldTraffic? traffic = null;
        try
        {
            var owner = grains.GetGrain<IWorldOwnerGrain>(link.WorldId);
            if (!link.Wanted)
            {
                if (link.Attached) await owner.DetachAsync(NodeId).WaitAsync(CallTimeout);
                link.Attached = false;
                return;
            }
            if (!link.Attached) await AttachAsync(link, owner);
            var now = time.GetUtcNow();
            if (!link.HasTraffic && now - link.LastSent < Heartbeat) return;
            traffic = link.Take();
            var known = await owner.ExchangeAsync(NodeId, traffic.ToByteArray()).WaitAsync(CallTimeout);
            link.LastSent = now;
            if (!known)
            {
                link.Attached = false;
                link.Restore(traffic);
            }
        }
        catch (Exception error)
        {
            if (traffic is not null) link.Restore(traffic);
            logger.LogWarning(error, "World {World}: no exchange with its owner; trying again at the next tick", link.WorldId);
        }
        finally
        {
            link.Sending = false;
        }
    }

    /// <summary>Joins the world's owner (first, or again after it moved): takes what it must know first, and tells it
    /// the avatars this node holds there and every cell it watches.</summary>
    private async Task AttachAsync(WorldLink link, IWorldOwnerGrain owner)
    {
        var welcome = await owner.AttachAsync(NodeId, self!).WaitAsync(CallTimeout);
        Apply(WorldTraffic.Parser.ParseFrom(welcome));
        foreach (var arrival in local.Present(link.WorldId).Where(a => a.Origin == NodeId)) link.Add(arrival);
        link.AnnounceWatched();
        link.Attached = true;
        logger.LogInformation("World {World}: attached to its owner", link.WorldId);
    }

    /// <summary>Hands another node's traffic to this node's worlds. Events name their own origin (an owner's welcome
    /// carries everyone's); this node's own never come back here, it had them first.</summary>
    private void Apply(WorldTraffic traffic)
    {
        foreach (var message in traffic.Events)
            if (message.Origin != NodeId) local.Publish(message);
        if (traffic.Origin == NodeId) return;
        foreach (var cell in traffic.Cells)
        {
            var at = new GridCell((int)cell.X, (int)cell.Z);
            remoteCells.Track(traffic.WorldId, traffic.Origin, at, cell.Fragment.IsEmpty);
            local.Publish(new WorldCellBatch(traffic.WorldId, traffic.Origin, at, cell.Tick, cell.Fragment.Memory, cell.AvatarIds));
        }
    }

    /// <summary>Orleans' membership is the one judge of a node's death: its avatars leave and its cells empty here.</summary>
    private async Task WatchDeathsAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(ct))
                foreach (var member in snapshot.Members.Values.Where(m => m.Status == SiloStatus.Dead))
                {
                    var node = member.SiloAddress.ToParsableString();
                    if (node == NodeId || !departedNodes.Add(node)) continue;
                    local.DepartAll(node);
                    foreach (var (worldId, cell) in remoteCells.Forget(node))
                        local.Publish(new WorldCellBatch(worldId, node, cell, 0, ReadOnlyMemory<byte>.Empty, []));
                }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private WorldLink Link(string worldId) => links.GetOrAdd(worldId, id => new WorldLink(id, NodeId));

    private sealed class Both(IDisposable first, Action then) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 1) return;
            first.Dispose();
            then();
        }
    }
}
