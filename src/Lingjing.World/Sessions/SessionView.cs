using Lingjing.World.Grid;

namespace Lingjing.World.Sessions;

/// <summary>What one client has been sent so far: the basis of its delta snapshots. Tick thread only.</summary>
internal sealed class SessionView
{
    public GridCell Cell { get; set; }

    /// <summary>The own cell changed since the last snapshot, so some known cells may be out of sight.</summary>
    public bool CellChanged { get; set; }

    /// <summary>The next snapshot must be full (first one, or after a resync).</summary>
    public bool NeedsFull { get; set; } = true;

    public Dictionary<int, KnownCell> KnownCells { get; } = new();
    public HashSet<uint> KnownAvatars { get; } = new();
    public uint LastAckSent { get; set; }

    internal readonly record struct KnownCell(int Version, int MembershipVersion, uint Stamp);
}
