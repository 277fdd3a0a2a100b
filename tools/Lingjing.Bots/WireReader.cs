namespace Lingjing.Bots;

/// <summary>
/// A minimal protobuf wire reader over a span: thousands of bots decode tens of thousands of snapshots
/// a second on the same two cores as the server, so they read fields in place instead of building
/// message objects. Throws <see cref="FormatException"/> on truncated input.
/// </summary>
public ref struct WireReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> _data = data;
    private int _position;

    public readonly bool End => _position >= _data.Length;

    /// <summary>The next field's number and wire type.</summary>
    public (int Field, int WireType) ReadTag()
    {
        var tag = ReadVarint();
        return ((int)(tag >> 3), (int)(tag & 7));
    }

    public ulong ReadVarint()
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (_position >= _data.Length) throw new FormatException("truncated varint");
            var b = _data[_position++];
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return result;
        }
        throw new FormatException("varint too long");
    }

    public int ReadSInt32()
    {
        var raw = (uint)ReadVarint();
        return (int)(raw >> 1) ^ -(int)(raw & 1);
    }

    public ReadOnlySpan<byte> ReadBytes()
    {
        var length = (int)ReadVarint();
        if (length < 0 || _position + length > _data.Length) throw new FormatException("truncated field");
        var bytes = _data.Slice(_position, length);
        _position += length;
        return bytes;
    }

    public void Skip(int wireType)
    {
        switch (wireType)
        {
            case 0: ReadVarint(); break;
            case 1: _position += 8; break;
            case 2: ReadBytes(); break;
            case 5: _position += 4; break;
            default: throw new FormatException($"unsupported wire type {wireType}");
        }
    }
}
