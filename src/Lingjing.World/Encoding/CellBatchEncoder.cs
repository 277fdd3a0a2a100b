using Google.Protobuf;
using Lingjing.World.Grid;
using Lingjing.World.Protocol;

namespace Lingjing.World.Encoding;

/// <summary>Encodes one cell's avatars as a Snapshot.cells fragment. Reuses one message; tick thread only.</summary>
internal sealed class CellBatchEncoder
{
    private readonly CellBatch _batch = new();

    public byte[] Encode(GridCell cell, IReadOnlyList<Avatar> avatars)
    {
        _batch.Avatars.Clear();
        for (var i = 0; i < avatars.Count; i++) _batch.Avatars.Add(avatars[i].RefreshWire());
        return EncodeBatch(cell);
    }

    /// <summary>Avatars another world showed (its stage), as they came.</summary>
    public byte[] Encode(GridCell cell, IEnumerable<AvatarState> avatars)
    {
        _batch.Avatars.Clear();
        _batch.Avatars.AddRange(avatars);
        return EncodeBatch(cell);
    }

    private byte[] EncodeBatch(GridCell cell)
    {
        _batch.CellX = (uint)cell.X;
        _batch.CellZ = (uint)cell.Z;
        var inner = _batch.CalculateSize();
        var bytes = new byte[1 + ProtoWire.VarintSize((uint)inner) + inner];
        bytes[0] = ProtoWire.SnapshotCellsTag;
        var offset = 1 + ProtoWire.WriteVarint(bytes.AsSpan(1), (uint)inner);
        _batch.WriteTo(bytes.AsSpan(offset));
        _batch.Avatars.Clear();
        return bytes;
    }
}
