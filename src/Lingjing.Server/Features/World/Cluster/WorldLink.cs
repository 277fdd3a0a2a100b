using Google.Protobuf;
using Lingjing.World.Bus;
using Lingjing.World.Bus.Wire;
using Lingjing.World.Grid;

namespace Lingjing.Server.Features.World.Cluster;

/// <summary>
/// This node's side of one world in the cluster: what it published since its last exchange with the world's owner
/// (each cell's latest batch, every event in order), which cells its clients watch, and whether the owner knows it.
/// Thread-safe: the tick thread adds, the sender takes.
/// </summary>
internal sealed class WorldLink(string worldId, string nodeId)
{
    private readonly object gate = new();
    private readonly Dictionary<GridCell, WorldCellBatch> cells = [];
    private readonly List<BusEvent> events = [];
    private readonly Dictionary<uint, int> watchCounts = [];
    private readonly HashSet<uint> watch = [], unwatch = [];
    private int watchAll, subscribers;
    private bool announceWatched;

    public string WorldId { get; } = worldId;

    /// <summary>The owner has taken this node in (and not lost it since).</summary>
    public bool Attached { get; set; }

    /// <summary>An exchange is on its way; the next waits for it, so the owner sees this node's traffic in order.</summary>
    public bool Sending { get; set; }

    public DateTimeOffset LastSent { get; set; }

    /// <summary>Something here listens to the world: the owner must know this node.</summary>
    public bool Wanted
    {
        get { lock (gate) return subscribers > 0 || watchAll > 0 || watchCounts.Count > 0; }
    }

    public bool HasTraffic
    {
        get { lock (gate) return cells.Count + events.Count + watch.Count + unwatch.Count > 0 || announceWatched; }
    }

    public void Add(WorldCellBatch batch)
    {
        lock (gate) cells[batch.Cell] = batch;
    }

    public void Add(BusEvent message)
    {
        lock (gate) events.Add(message);
    }

    public void Subscribed(int change)
    {
        lock (gate) subscribers += change;
    }

    public void WatchAll(int change)
    {
        lock (gate)
        {
            watchAll += change;
            announceWatched = true;
        }
    }

    public void Watch(GridCell cell)
    {
        var key = Key(cell);
        lock (gate)
        {
            watchCounts[key] = watchCounts.GetValueOrDefault(key) + 1;
            if (watchCounts[key] == 1 && !unwatch.Remove(key)) watch.Add(key);
        }
    }

    public void Unwatch(GridCell cell)
    {
        var key = Key(cell);
        lock (gate)
        {
            if (!watchCounts.TryGetValue(key, out var count)) return;
            if (count > 1)
            {
                watchCounts[key] = count - 1;
                return;
            }
            watchCounts.Remove(key);
            if (!watch.Remove(key)) unwatch.Add(key);
        }
    }

    /// <summary>After (re)attaching, the owner knows nothing of this node's watched cells: the next exchange names them all.</summary>
    public void AnnounceWatched()
    {
        lock (gate) announceWatched = true;
    }

    /// <summary>Puts traffic taken for an exchange that failed back in front of what came since, so nothing is lost or reordered.</summary>
    public void Restore(WorldTraffic failed)
    {
        lock (gate)
        {
            events.InsertRange(0, failed.Events);
            foreach (var cell in failed.Cells)
            {
                var key = new GridCell((int)cell.X, (int)cell.Z);
                if (!cells.ContainsKey(key))
                    cells[key] = new WorldCellBatch(WorldId, nodeId, key, cell.Tick, cell.Fragment.Memory, cell.AvatarIds);
            }
            announceWatched = true;
        }
    }

    /// <summary>Everything since the last exchange, as one message; the link is empty afterwards.</summary>
    public WorldTraffic Take()
    {
        var traffic = new WorldTraffic { WorldId = WorldId, Origin = nodeId };
        lock (gate)
        {
            foreach (var batch in cells.Values)
            {
                var cell = new BusCell { X = (uint)batch.Cell.X, Z = (uint)batch.Cell.Z, Tick = batch.Tick, Fragment = ByteString.CopyFrom(batch.Fragment.Span) };
                cell.AvatarIds.AddRange(batch.AvatarIds);
                traffic.Cells.Add(cell);
            }
            traffic.Events.AddRange(events);
            if (announceWatched)
            {
                traffic.Watch.AddRange(watchCounts.Keys);
                traffic.WatchReplaces = true;
                traffic.WatchAll = watchAll > 0;
            }
            else
            {
                traffic.Watch.AddRange(watch);
                traffic.Unwatch.AddRange(unwatch);
            }
            cells.Clear();
            events.Clear();
            watch.Clear();
            unwatch.Clear();
            announceWatched = false;
        }
        return traffic;
    }

    private static uint Key(GridCell cell) => (uint)cell.X << 16 | (uint)cell.Z;
}
