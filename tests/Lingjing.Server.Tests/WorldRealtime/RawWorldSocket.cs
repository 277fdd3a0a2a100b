using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;

namespace Lingjing.Server.Tests.WorldRealtime;

/// <summary>
/// A WebSocket spoken by hand over TCP, for frames no WebSocket library will send (a header announcing
/// an absurd length). Does the upgrade, writes raw bytes and reads server frames up to the close frame.
/// </summary>
public sealed class RawWorldSocket : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;

    private RawWorldSocket(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
    }

    public static async Task<RawWorldSocket> ConnectAsync(Uri baseAddress, string token)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync(baseAddress.Host, baseAddress.Port);
        var socket = new RawWorldSocket(tcp);
        var key = Convert.ToBase64String(Guid.NewGuid().ToByteArray());
        var request = $"GET /world/ws HTTP/1.1\r\nHost: {baseAddress.Authority}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + $"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\nAuthorization: Bearer {token}\r\n\r\n";
        await socket._stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        var response = await socket.ReadUntilBlankLineAsync();
        if (!response.StartsWith("HTTP/1.1 101", StringComparison.Ordinal)) throw new InvalidOperationException("Upgrade refused: " + response);
        return socket;
    }

    /// <summary>A masked binary frame header announcing <paramref name="payloadLength"/> bytes (64-bit form), and no payload.</summary>
    public Task SendHeaderAsync(ulong payloadLength)
    {
        var header = new byte[14];
        header[0] = 0x82; // FIN, binary
        header[1] = 0x80 | 127; // masked, 64-bit length follows
        BinaryPrimitives.WriteUInt64BigEndian(header.AsSpan(2), payloadLength);
        header[10] = 0x11; header[11] = 0x22; header[12] = 0x33; header[13] = 0x44;
        return _stream.WriteAsync(header).AsTask();
    }

    /// <summary>Reads server frames until the close frame; its status code, or null if the connection ended without one.</summary>
    public async Task<(int? Code, string Reason)> ReadCloseAsync(TimeSpan wait)
    {
        using var timeout = new CancellationTokenSource(wait);
        try
        {
            while (true)
            {
                var head = await ReadExactlyAsync(2, timeout.Token);
                long length = head[1] & 0x7F;
                if (length == 126) length = BinaryPrimitives.ReadUInt16BigEndian(await ReadExactlyAsync(2, timeout.Token));
                else if (length == 127) length = (long)BinaryPrimitives.ReadUInt64BigEndian(await ReadExactlyAsync(8, timeout.Token));
                var payload = await ReadExactlyAsync((int)length, timeout.Token);
                if ((head[0] & 0x0F) == 0x8)
                    return payload.Length >= 2
                        ? (BinaryPrimitives.ReadUInt16BigEndian(payload), Encoding.UTF8.GetString(payload, 2, payload.Length - 2))
                        : (null, "");
            }
        }
        catch (Exception ex) when (ex is IOException or EndOfStreamException or SocketException)
        {
            return (null, "");
        }
    }

    private async Task<byte[]> ReadExactlyAsync(int count, CancellationToken cancellationToken)
    {
        var buffer = new byte[count];
        await _stream.ReadExactlyAsync(buffer, cancellationToken);
        return buffer;
    }

    private async Task<string> ReadUntilBlankLineAsync()
    {
        var text = new StringBuilder();
        var one = new byte[1];
        while (!text.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await _stream.ReadAsync(one) == 0) break;
            text.Append((char)one[0]);
        }
        return text.ToString();
    }

    public ValueTask DisposeAsync()
    {
        _tcp.Dispose();
        return ValueTask.CompletedTask;
    }
}
