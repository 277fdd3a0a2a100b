using Lingjing.World.Grid;

namespace Lingjing.World.Bus;

/// <summary>
/// The avatars one node holds in one cell at one tick. Fragment is the encoded Snapshot.cells
/// entry (field tag, length, CellBatch), ready to be concatenated into client frames; an empty
/// fragment means the origin node has no avatars in that cell any more.
/// </summary>
public sealed record WorldCellBatch(
    string WorldId,
    string Origin,
    GridCell Cell,
    uint Tick,
    ReadOnlyMemory<byte> Fragment,
    IReadOnlyList<uint> AvatarIds);
