using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;

namespace Lingjing.Devices;

/// <summary>A minimal MQTT 3.1.1 client that connects with a user name and password and publishes at
/// QoS 1, waiting for each PUBACK (so a returned publish is accepted by the broker).</summary>
public sealed class MqttPublisher : IAsyncDisposable
{
    private readonly TcpClient tcp = new() { NoDelay = true };
    private NetworkStream? stream;
    private ushort packetId;
    private readonly byte[] header = new byte[5];

    public async Task ConnectAsync(string host, int port, string clientId, string user, string password, CancellationToken ct)
    {
        await tcp.ConnectAsync(host, port, ct);
        stream = tcp.GetStream();
        var payload = new List<byte>();
        payload.AddRange([0, 4, (byte)'M', (byte)'Q', (byte)'T', (byte)'T', 4, 0b1100_0010, 0, 60]); // protocol 3.1.1; user, password, clean session; keep-alive 60 s
        AddString(payload, clientId);
        AddString(payload, user);
        AddString(payload, password);
        await SendAsync(0x10, payload.ToArray(), ct);
        var (type, body) = await ReadAsync(ct);
        if (type != 0x20 || body.Length < 2) throw new IOException("The broker did not answer CONNECT with CONNACK.");
        if (body[1] != 0) throw new UnauthorizedAccessException($"The broker refused the connection (CONNACK return code {body[1]}).");
    }

    /// <summary>Publishes at QoS 1 and waits for the broker's PUBACK.</summary>
    public async Task PublishAsync(string topic, ReadOnlyMemory<byte> message, CancellationToken ct)
    {
        packetId = (ushort)(packetId == ushort.MaxValue ? 1 : packetId + 1);
        var topicBytes = Encoding.UTF8.GetBytes(topic);
        var body = new byte[2 + topicBytes.Length + 2 + message.Length];
        BinaryPrimitives.WriteUInt16BigEndian(body, (ushort)topicBytes.Length);
        topicBytes.CopyTo(body, 2);
        BinaryPrimitives.WriteUInt16BigEndian(body.AsSpan(2 + topicBytes.Length), packetId);
        message.Span.CopyTo(body.AsSpan(4 + topicBytes.Length));
        await SendAsync(0x32, body, ct);
        var (type, ack) = await ReadAsync(ct);
        if (type != 0x40 || BinaryPrimitives.ReadUInt16BigEndian(ack) != packetId) throw new IOException("The broker did not acknowledge the publish.");
    }

    private async Task SendAsync(byte type, byte[] body, CancellationToken ct)
    {
        var length = 0;
        header[length++] = type;
        var remaining = body.Length;
        do
        {
            var digit = (byte)(remaining % 128);
            remaining /= 128;
            header[length++] = remaining > 0 ? (byte)(digit | 0x80) : digit;
        } while (remaining > 0);
        await stream!.WriteAsync(header.AsMemory(0, length), ct);
        await stream.WriteAsync(body, ct);
    }

    private async Task<(byte Type, byte[] Body)> ReadAsync(CancellationToken ct)
    {
        var first = new byte[1];
        await stream!.ReadExactlyAsync(first, ct);
        int multiplier = 1, length = 0;
        byte digit;
        do
        {
            var b = new byte[1];
            await stream.ReadExactlyAsync(b, ct);
            digit = b[0];
            length += (digit & 0x7F) * multiplier;
            multiplier *= 128;
        } while ((digit & 0x80) != 0);
        var body = new byte[length];
        await stream.ReadExactlyAsync(body, ct);
        return ((byte)(first[0] & 0xF0), body);
    }

    private static void AddString(List<byte> target, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        target.Add((byte)(bytes.Length >> 8));
        target.Add((byte)(bytes.Length & 0xFF));
        target.AddRange(bytes);
    }

    public async ValueTask DisposeAsync()
    {
        if (stream is not null)
        {
            try { await stream.WriteAsync(new byte[] { 0xE0, 0 }); } catch (IOException) { } catch (SocketException) { }
            await stream.DisposeAsync();
        }
        tcp.Dispose();
    }
}
