using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Lingjing.Bench.Shared;

/// <summary>A device's MQTT connection (MQTTnet): MQTT 3.1.1 with the device id as user name and its token as
/// password; publishes at QoS 1, so a completed publish was accepted by the broker. Shared by the device simulator
/// and the twins benchmark.</summary>
public sealed class MqttPublisher : IAsyncDisposable
{
    private readonly IMqttClient client = new MqttClientFactory().CreateMqttClient();

    public async Task ConnectAsync(string host, int port, string clientId, string user, string password, CancellationToken ct)
    {
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(host, port)
            .WithClientId(clientId)
            .WithCredentials(user, password)
            .WithProtocolVersion(MqttProtocolVersion.V311)
            .WithCleanSession()
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(60))
            .Build();
        MqttClientConnectResult result;
        try
        {
            result = await client.ConnectAsync(options, ct);
        }
        catch (MQTTnet.Adapter.MqttConnectingFailedException refused)
        {
            throw new UnauthorizedAccessException($"The broker refused the connection ({refused.Message}).", refused);
        }
        if (result.ResultCode != MqttClientConnectResultCode.Success)
            throw new UnauthorizedAccessException($"The broker refused the connection ({result.ResultCode}).");
    }

    /// <summary>Publishes at QoS 1 and returns once the broker has acknowledged it.</summary>
    public async Task PublishAsync(string topic, ReadOnlyMemory<byte> message, CancellationToken ct)
    {
        var publish = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(message.ToArray())
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        var result = await client.PublishAsync(publish, ct);
        if (!result.IsSuccess) throw new IOException($"The broker did not accept the publish ({result.ReasonCode}).");
    }

    public async ValueTask DisposeAsync()
    {
        if (client.IsConnected)
        {
            try { await client.DisconnectAsync(); } catch (MQTTnet.Exceptions.MqttCommunicationException) { }
        }
        client.Dispose();
    }
}
