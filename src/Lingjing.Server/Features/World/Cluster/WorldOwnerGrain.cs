using Google.Protobuf;
using Lingjing.Server.Infrastructure.Cluster;
using Lingjing.World;
using Lingjing.World.Bus;
using Lingjing.World.Bus.Wire;
using Lingjing.World.Protocol;
using Orleans.Runtime;

namespace Lingjing.Server.Features.World.Cluster;

/// <summary>See <see cref="IWorldOwnerGrain"/>. Which nodes are attached lives in memory only: after the owner moves
/// (its node died), each node finds itself unknown at its next exchange and attaches again with what it holds.</summary>
public sealed class WorldOwnerGrain(
    [PersistentState("world", WorldClusterExtensions.StorageName)] IPersistentState<WorldOwnerState> state,
    IClusterMembershipService membership, ILocalSiloDetails silo, TimeProvider time, ILogger<WorldOwnerGrain> logger)
    : Grain, IWorldOwnerGrain
{
    private static readonly int HistorySize = new WorldOptions().ChatHistorySize;

    private readonly Dictionary<string, AttachedNode> nodes = new(StringComparer.Ordinal);
    private readonly WorldRosters rosters = new();

    private string WorldId => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var bytes in state.State.Moderation) rosters.Track(BusEvent.Parser.ParseFrom(bytes));
        return Task.CompletedTask;
    }

    public Task<byte[]> AttachAsync(string node, IWorldNodeObserver observer)
    {
        nodes[node] = new AttachedNode(observer);
        // The history is the world's, not any node's: no origin, so that no node takes it for its own.
        var welcome = new WorldTraffic { WorldId = WorldId, Origin = "" };
        welcome.Events.AddRange(rosters.InForce(WorldId, NowMs()).Select(Replayed));
        welcome.Events.AddRange(state.State.History.Select(bytes => new BusEvent
        {
            WorldId = WorldId, Origin = welcome.Origin, Chat = new ChatSpoken { Message = ChatMessage.Parser.ParseFrom(bytes), Replay = true },
        }));
        welcome.Events.AddRange(rosters.Replay(WorldId, ulong.MaxValue).Where(arrival => arrival.Origin != node));
        return Task.FromResult(welcome.ToByteArray());
    }

    public async Task<bool> ExchangeAsync(string node, byte[] traffic)
    {
        if (!nodes.TryGetValue(node, out var from)) return false;
        ForgetDeadNodes();
        var parsed = WorldTraffic.Parser.ParseFrom(traffic);
        from.Follow(parsed);
        var changed = false;
        foreach (var message in parsed.Events)
        {
            rosters.Track(message);
            changed |= Remember(message);
        }
        foreach (var (name, to) in nodes)
            if (name != node && to.Filter(parsed, traffic) is { } forward) _ = to.Observer.DeliverAsync(forward);
        if (changed) await SaveAsync();
        return true;
    }

    public Task DetachAsync(string node)
    {
        nodes.Remove(node);
        foreach (var departure in rosters.DepartAll(node)) Broadcast(departure);
        return Task.CompletedTask;
    }

    public Task<WorldOwnerView> DescribeAsync() => Task.FromResult(new WorldOwnerView(
        WorldId, ClusterNodes.NameOf(silo.SiloAddress),
        rosters.Present(WorldId).GroupBy(a => a.Origin).ToDictionary(g => NameOfNode(g.Key), g => g.Count())));

    /// <summary>Moderation and the world chat are what the world must not forget when its owner's node dies.</summary>
    private bool Remember(BusEvent message)
    {
        if (message.BodyCase == BusEvent.BodyOneofCase.Moderation)
        {
            state.State.Moderation = rosters.InForce(WorldId, NowMs()).Select(m => m.ToByteArray()).ToList();
            return true;
        }
        if (message.BodyCase != BusEvent.BodyOneofCase.Chat || message.Chat.Message.Scope != ChatScope.World) return false;
        var history = state.State.History;
        history.Add(message.Chat.Message.ToByteArray());
        if (history.Count > HistorySize) history.RemoveRange(0, history.Count - HistorySize);
        return true;
    }

    private async Task SaveAsync()
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception error)
        {
            logger.LogError(error, "The state of world {World} (moderation, chat history) could not be saved", WorldId);
            throw;
        }
    }

    /// <summary>Nodes Orleans has declared dead are dropped (their avatars leave); every node does the same for
    /// the worlds it holds, so this only keeps the owner's own lists short.</summary>
    private void ForgetDeadNodes()
    {
        foreach (var name in nodes.Keys.ToList())
        {
            if (membership.CurrentSnapshot.GetSiloStatus(SiloAddress.FromParsableString(name)) != SiloStatus.Dead) continue;
            nodes.Remove(name);
            foreach (var departure in rosters.DepartAll(name)) Broadcast(departure);
        }
    }

    private void Broadcast(BusEvent message)
    {
        var traffic = new WorldTraffic { WorldId = WorldId, Origin = message.Origin };
        traffic.Events.Add(message);
        var bytes = traffic.ToByteArray();
        foreach (var node in nodes.Values) _ = node.Observer.DeliverAsync(bytes);
    }

    private static BusEvent Replayed(BusEvent moderation)
    {
        var copy = moderation.Clone();
        copy.Moderation.Replay = true;
        return copy;
    }

    private ulong NowMs() => (ulong)time.GetUtcNow().ToUnixTimeMilliseconds();

    private static string NameOfNode(string node) => ClusterNodes.NameOf(SiloAddress.FromParsableString(node));

    /// <summary>A node with the world open: where to reach it and which cells it watches.</summary>
    private sealed class AttachedNode(IWorldNodeObserver observer)
    {
        private readonly HashSet<uint> watched = [];
        private bool watchAll;

        public IWorldNodeObserver Observer { get; } = observer;

        public void Follow(WorldTraffic traffic)
        {
            if (traffic.WatchReplaces)
            {
                watched.Clear();
                watchAll = traffic.WatchAll;
            }
            else if (traffic.WatchAll) watchAll = true;
            foreach (var cell in traffic.Unwatch) watched.Remove(cell);
            foreach (var cell in traffic.Watch) watched.Add(cell);
        }

        /// <summary>What of another node's traffic this node needs: every event, the cells it watches. Null for nothing.</summary>
        public byte[]? Filter(WorldTraffic traffic, byte[] bytes)
        {
            if (watchAll || traffic.Cells.All(Sees)) return traffic.Events.Count + traffic.Cells.Count == 0 ? null : bytes;
            var kept = new WorldTraffic { WorldId = traffic.WorldId, Origin = traffic.Origin };
            kept.Events.AddRange(traffic.Events);
            kept.Cells.AddRange(traffic.Cells.Where(Sees));
            return kept.Events.Count + kept.Cells.Count == 0 ? null : kept.ToByteArray();
        }

        private bool Sees(BusCell cell) => watched.Contains(cell.X << 16 | cell.Z);
    }
}
