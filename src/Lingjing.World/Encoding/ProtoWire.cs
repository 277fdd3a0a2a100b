namespace Lingjing.World.Encoding;

/// <summary>The few raw protobuf wire details the frame composer needs.</summary>
internal static class ProtoWire
{
    /// <summary>ServerFrame.snapshot: field 2, length-delimited.</summary>
    public const byte ServerFrameSnapshotTag = (2 << 3) | 2;

    /// <summary>Snapshot.cells: field 6, length-delimited. Each cell fragment starts with it.</summary>
    public const byte SnapshotCellsTag = (6 << 3) | 2;

    public static int VarintSize(uint value)
    {
        var size = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            size++;
        }
        return size;
    }

    public static int WriteVarint(Span<byte> target, uint value)
    {
        var i = 0;
        while (value >= 0x80)
        {
            target[i++] = (byte)(value | 0x80);
            value >>= 7;
        }
        target[i++] = (byte)value;
        return i;
    }
}
