namespace Lingjing.Server.Features.World.Realtime;

/// <summary>
/// Reads the headers of the WebSocket frames a world client sends (RFC 6455 §5.2) as they pass from
/// the connection to the WebSocket, and trips on a frame that announces more payload than the protocol
/// allows, before any of that payload is read. Without it the WebSocket would wait for a payload of any
/// announced size (up to 2^63 bytes), holding the connection open for as long as the client trickles it.
/// </summary>
internal sealed class ClientFrameHeaderGuard(long maxPayloadBytes)
{
    private readonly byte[] _header = new byte[14];
    private int _headerLength;
    private long _payloadLeft;

    /// <summary>The payload length of the frame that tripped the guard, once it has.</summary>
    public long? TrippedBy { get; private set; }

    /// <summary>
    /// Follows <paramref name="bytes"/> (the next bytes of the stream, in order) and returns how many of
    /// them may be handed to the WebSocket: all of them, or those before the header of an oversized frame.
    /// </summary>
    public int Inspect(ReadOnlySpan<byte> bytes)
    {
        if (TrippedBy is not null) return 0;
        var position = 0;
        while (position < bytes.Length)
        {
            if (_payloadLeft > 0)
            {
                var skip = (int)Math.Min(_payloadLeft, bytes.Length - position);
                _payloadLeft -= skip;
                position += skip;
                continue;
            }
            var headerStart = position - _headerLength;
            _header[_headerLength++] = bytes[position++];
            if (_headerLength < HeaderSize()) continue;
            var length = PayloadLength();
            _headerLength = 0;
            if (length < 0 || length > maxPayloadBytes)
            {
                TrippedBy = length < 0 ? long.MaxValue : length;
                return Math.Max(0, headerStart);
            }
            _payloadLeft = length;
        }
        return bytes.Length;
    }

    // Byte 1: mask bit and a 7-bit length; 126 means a 16-bit length follows, 127 a 64-bit one; then the 4-byte mask key.
    private int HeaderSize()
    {
        if (_headerLength < 2) return 2;
        var code = _header[1] & 0x7F;
        var masked = (_header[1] & 0x80) != 0 ? 4 : 0;
        return 2 + (code == 126 ? 2 : code == 127 ? 8 : 0) + masked;
    }

    private long PayloadLength()
    {
        var code = _header[1] & 0x7F;
        if (code < 126) return code;
        if (code == 126) return (_header[2] << 8) | _header[3];
        long length = 0;
        for (var i = 2; i < 10; i++) length = (length << 8) | _header[i];
        return length; // negative when the top bit is set, which RFC 6455 forbids
    }
}
