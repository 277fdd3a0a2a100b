using Lingjing.World.Grid;

namespace Lingjing.World.Bus;

/// <summary>Delivers batches synchronously to the subscribers in this process.</summary>
public sealed class InProcessWorldBus : IWorldBus
{
    private readonly object _gate = new();
    private readonly Dictionary<(string WorldId, GridCell Cell), List<ICellBatchReceiver>> _cells = new();
    private readonly Dictionary<string, List<ICellBatchReceiver>> _worlds = new();

    public void Publish(WorldCellBatch batch)
    {
        ICellBatchReceiver[]? cellReceivers = null, worldReceivers = null;
        lock (_gate)
        {
            if (_cells.TryGetValue((batch.WorldId, batch.Cell), out var c)) cellReceivers = c.ToArray();
            if (_worlds.TryGetValue(batch.WorldId, out var w)) worldReceivers = w.ToArray();
        }
        if (cellReceivers is not null) foreach (var r in cellReceivers) r.Receive(batch);
        if (worldReceivers is not null) foreach (var r in worldReceivers) r.Receive(batch);
    }

    public IDisposable SubscribeCell(string worldId, GridCell cell, ICellBatchReceiver receiver) =>
        Add(_cells, (worldId, cell), receiver);

    public IDisposable SubscribeWorld(string worldId, ICellBatchReceiver receiver) =>
        Add(_worlds, worldId, receiver);

    private Subscription Add<TKey>(Dictionary<TKey, List<ICellBatchReceiver>> map, TKey key, ICellBatchReceiver receiver)
        where TKey : notnull
    {
        lock (_gate)
        {
            if (!map.TryGetValue(key, out var list)) map[key] = list = new List<ICellBatchReceiver>(1);
            list.Add(receiver);
        }
        return new Subscription(() =>
        {
            lock (_gate)
            {
                if (!map.TryGetValue(key, out var list)) return;
                list.Remove(receiver);
                if (list.Count == 0) map.Remove(key);
            }
        });
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private Action? _dispose = dispose;
        public void Dispose() => Interlocked.Exchange(ref _dispose, null)?.Invoke();
    }
}
