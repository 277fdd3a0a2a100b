namespace Lingjing.World.Grid;

/// <summary>The latest published content of every watched cell of one world. Tick thread only.</summary>
internal sealed class PublishedCells
{
    private readonly CellSlot?[] _slots;
    private readonly HashSet<int> _occupied = new();
    private int _versionCounter;

    public PublishedCells(int cellCount)
    {
        _slots = new CellSlot?[cellCount];
        Versions = new int[cellCount];
        Counts = new int[cellCount];
        Stage = new bool[cellCount];
    }

    /// <summary>
    /// Each cell's <see cref="CellSlot.Version"/> (0 when empty) and avatar count, as flat arrays: composing
    /// thousands of clients' frames scans these rows instead of chasing a slot object per visible cell.
    /// </summary>
    public int[] Versions { get; }
    public int[] Counts { get; }

    /// <summary>Cells where someone amplified stands (an event hall's stage): sent every tick however large the crowd
    /// nearer the viewer, since everyone watches them.</summary>
    public bool[] Stage { get; }

    /// <summary>The cell's content, or null when no node has avatars there.</summary>
    public CellSlot? this[int index] => _slots[index];

    /// <summary>Indices of occupied cells (the naive baseline sends all of them).</summary>
    public IReadOnlyCollection<int> Occupied => _occupied;

    public void Apply(int index, string origin, ReadOnlyMemory<byte> fragment, IReadOnlyList<uint> ids)
    {
        var slot = _slots[index];
        if (slot is null)
        {
            if (fragment.IsEmpty) return;
            _slots[index] = slot = new CellSlot();
        }
        slot.Apply(origin, fragment, ids, ref _versionCounter);
        Settle(index, slot);
    }

    /// <summary>Forgets a cell nobody here watches any more (its batches stop arriving, so it would go stale).</summary>
    public void Forget(int index)
    {
        _slots[index] = null;
        Versions[index] = 0;
        Counts[index] = 0;
        _occupied.Remove(index);
    }

    private void Settle(int index, CellSlot slot)
    {
        if (slot.IsEmpty)
        {
            _slots[index] = null;
            Versions[index] = 0;
            Counts[index] = 0;
            _occupied.Remove(index);
        }
        else
        {
            _occupied.Add(index);
            Versions[index] = slot.Version;
            Counts[index] = slot.AvatarIds.Count;
        }
    }
}
