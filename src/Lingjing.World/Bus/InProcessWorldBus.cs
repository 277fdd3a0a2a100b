using Lingjing.World.Bus.Wire;
using Lingjing.World.Grid;

namespace Lingjing.World.Bus;

/// <summary>Delivers batches and events synchronously to the subscribers in this process.</summary>
public sealed class InProcessWorldBus : IWorldBus
{
    private readonly object _gate = new();
    private readonly Dictionary<(string WorldId, GridCell Cell), List<ICellBatchReceiver>> _cells = new();
    private readonly Dictionary<string, List<ICellBatchReceiver>> _worlds = new();
    private readonly Dictionary<string, List<IBusEventReceiver>> _events = new();
    private readonly WorldRosters _rosters = new();

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

    public void Publish(BusEvent message)
    {
        IBusEventReceiver[]? receivers = null;
        lock (_gate)
        {
            _rosters.Track(message);
            if (_events.TryGetValue(message.WorldId, out var list)) receivers = list.ToArray();
        }
        if (receivers is not null) foreach (var r in receivers) r.Receive(message);
    }

    /// <summary>The avatars of a world as published here (by this node, or delivered from others), marked as replay.</summary>
    public IReadOnlyList<BusEvent> Present(string worldId)
    {
        lock (_gate) return _rosters.Replay(worldId, ulong.MaxValue).ToList();
    }

    /// <summary>Forgets the avatars a departed node held and delivers their departures to this process's subscribers.</summary>
    public void DepartAll(string origin)
    {
        IReadOnlyList<BusEvent> departures;
        lock (_gate) departures = _rosters.DepartAll(origin);
        foreach (var departure in departures) Publish(departure);
    }

    public IDisposable SubscribeCell(string worldId, GridCell cell, ICellBatchReceiver receiver) =>
        Add(_cells, (worldId, cell), receiver);

    public IDisposable SubscribeWorld(string worldId, ICellBatchReceiver receiver) =>
        Add(_worlds, worldId, receiver);

    public IDisposable SubscribeEvents(string worldId, IBusEventReceiver receiver)
    {
        BusEvent[] roster;
        lock (_gate) roster = _rosters.Replay(worldId).ToArray();
        foreach (var arrival in roster) receiver.Receive(arrival);
        return Add(_events, worldId, receiver);
    }

    private Subscription Add<TKey, TReceiver>(Dictionary<TKey, List<TReceiver>> map, TKey key, TReceiver receiver)
        where TKey : notnull
    {
        lock (_gate)
        {
            if (!map.TryGetValue(key, out var list)) map[key] = list = new List<TReceiver>(1);
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
