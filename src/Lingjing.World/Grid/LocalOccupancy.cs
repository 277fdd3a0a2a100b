namespace Lingjing.World.Grid;

/// <summary>The avatars this node holds, by cell, and which cells changed this tick. Tick thread only.</summary>
internal sealed class LocalOccupancy
{
    private readonly List<Avatar>?[] _members;
    private readonly bool[] _dirty;
    private readonly List<int> _dirtyCells = new();
    private readonly HashSet<int> _occupied = new();

    public LocalOccupancy(int cellCount)
    {
        _members = new List<Avatar>?[cellCount];
        _dirty = new bool[cellCount];
    }

    public IReadOnlyList<int> DirtyCells => _dirtyCells;
    public IReadOnlyCollection<int> Occupied => _occupied;

    public IReadOnlyList<Avatar> In(int index) => (IReadOnlyList<Avatar>?)_members[index] ?? [];

    public void Add(Avatar avatar, int index)
    {
        (_members[index] ??= new List<Avatar>(4)).Add(avatar);
        avatar.CellIndex = index;
        _occupied.Add(index);
        MarkDirty(index);
    }

    public void Remove(Avatar avatar)
    {
        var index = avatar.CellIndex;
        if (index < 0) return;
        var list = _members[index]!;
        list.Remove(avatar);
        if (list.Count == 0) _occupied.Remove(index);
        avatar.CellIndex = -1;
        MarkDirty(index);
    }

    public void MarkDirty(int index)
    {
        if (_dirty[index]) return;
        _dirty[index] = true;
        _dirtyCells.Add(index);
    }

    public void ClearDirty()
    {
        foreach (var index in _dirtyCells) _dirty[index] = false;
        _dirtyCells.Clear();
    }
}
