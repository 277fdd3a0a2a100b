using Lingjing.World.Bus;

namespace Lingjing.World.Grid;

/// <summary>
/// Counts how many local clients see each cell and keeps exactly the needed bus subscriptions.
/// Tick thread only.
/// </summary>
internal sealed class CellWatchers
{
    private readonly WorldGrid _grid;
    private readonly ViewPattern _pattern;
    private readonly IWorldBus _bus;
    private readonly string _worldId;
    private readonly ICellBatchReceiver _receiver;
    private readonly Action<int> _unwatched;
    private readonly int[] _counts;
    private readonly IDisposable?[] _subscriptions;

    public CellWatchers(WorldGrid grid, ViewPattern pattern, IWorldBus bus, string worldId,
        ICellBatchReceiver receiver, Action<int> unwatched)
    {
        _grid = grid;
        _pattern = pattern;
        _bus = bus;
        _worldId = worldId;
        _receiver = receiver;
        _unwatched = unwatched;
        _counts = new int[grid.CellCount];
        _subscriptions = new IDisposable?[grid.CellCount];
    }

    public int WatchedCells { get; private set; }

    public void Watch(GridCell from)
    {
        foreach (var offset in _pattern.OffsetArray)
        {
            var cell = new GridCell(from.X + offset.X, from.Z + offset.Z);
            if (!_grid.Contains(cell)) continue;
            var index = _grid.IndexOf(cell);
            if (_counts[index]++ > 0) continue;
            _subscriptions[index] = _bus.SubscribeCell(_worldId, cell, _receiver);
            WatchedCells++;
        }
    }

    public void Unwatch(GridCell from)
    {
        foreach (var offset in _pattern.OffsetArray)
        {
            var cell = new GridCell(from.X + offset.X, from.Z + offset.Z);
            if (!_grid.Contains(cell)) continue;
            var index = _grid.IndexOf(cell);
            if (--_counts[index] > 0) continue;
            _subscriptions[index]?.Dispose();
            _subscriptions[index] = null;
            WatchedCells--;
            _unwatched(index);
        }
    }

    public void UnwatchAll()
    {
        for (var i = 0; i < _subscriptions.Length; i++)
        {
            _subscriptions[i]?.Dispose();
            _subscriptions[i] = null;
            _counts[i] = 0;
        }
        WatchedCells = 0;
    }
}
