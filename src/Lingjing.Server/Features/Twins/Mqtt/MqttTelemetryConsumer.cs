using System.Text.Json;
using Lingjing.Server.Features.Twins.Devices;
using Lingjing.Server.Features.Twins.Ingest;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Lingjing.Server.Features.Twins.Mqtt;

/// <summary>With <c>ConnectionStrings:RabbitMq</c> set, consumes the readings devices publish over
/// MQTT (RabbitMQ's MQTT plugin turns topic telemetry/{id} into routing key telemetry.{id} on
/// amq.topic) from a durable queue, over AMQP. A message is acknowledged to RabbitMQ only once its
/// readings are durable in Lingjing's database; a full queue puts it back for a retry.</summary>
public sealed class MqttTelemetryConsumer(IConfiguration configuration, DeviceRegistry devices, IngestService ingest, ILogger<MqttTelemetryConsumer> logger)
    : BackgroundService
{
    public const string Queue = "lingjing.telemetry";
    public const string RoutingPattern = "telemetry.*";
    private const ushort Prefetch = 2000;

    /// <summary>Messages stored (acknowledged) since start.</summary>
    public long Stored => Interlocked.Read(ref stored);
    /// <summary>Messages dropped because their readings were not valid.</summary>
    public long Rejected => Interlocked.Read(ref rejected);
    private long stored;
    private long rejected;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var uri = configuration.GetConnectionString("RabbitMq");
        if (string.IsNullOrWhiteSpace(uri)) return;
        var factory = new ConnectionFactory
        {
            Uri = new Uri(uri),
            ClientProvidedName = "lingjing-telemetry",
            AutomaticRecoveryEnabled = true,
            TopologyRecoveryEnabled = true,
            ConsumerDispatchConcurrency = Prefetch,
        };
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await factory.CreateConnectionAsync(stoppingToken);
                await using var channel = await connection.CreateChannelAsync(cancellationToken: stoppingToken);
                await channel.QueueDeclareAsync(Queue, durable: true, exclusive: false, autoDelete: false, cancellationToken: stoppingToken);
                await channel.QueueBindAsync(Queue, BrokerAuthApi.TopicExchange, RoutingPattern, cancellationToken: stoppingToken);
                await channel.BasicQosAsync(0, Prefetch, false, stoppingToken);
                var consumer = new AsyncEventingBasicConsumer(channel);
                consumer.ReceivedAsync += (_, delivery) => HandleAsync(channel, delivery, stoppingToken);
                await channel.BasicConsumeAsync(Queue, autoAck: false, consumer, stoppingToken);
                logger.LogInformation("Consuming MQTT telemetry from RabbitMQ queue {Queue}", Queue);
                await Task.Delay(Timeout.Infinite, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "RabbitMQ is not reachable; retrying in 5 s");
                try { await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    private async Task HandleAsync(IChannel channel, BasicDeliverEventArgs delivery, CancellationToken ct)
    {
        var key = delivery.RoutingKey;
        var device = key.StartsWith("telemetry.", StringComparison.Ordinal) ? devices.Find(key["telemetry.".Length..]) : null;
        if (device is null)
        {
            // The broker's auth endpoint only lets registered devices publish to their own topic; a device removed since is dropped.
            Interlocked.Increment(ref rejected);
            await channel.BasicNackAsync(delivery.DeliveryTag, false, requeue: false, ct);
            return;
        }
        IngestOutcome outcome;
        try
        {
            using var document = JsonDocument.Parse(delivery.Body);
            outcome = await ingest.IngestAsync(device, document.RootElement, ct);
        }
        catch (JsonException)
        {
            outcome = IngestOutcome.Bad("not JSON");
        }
        switch (outcome.Status)
        {
            case 200:
                Interlocked.Increment(ref stored);
                await channel.BasicAckAsync(delivery.DeliveryTag, false, ct);
                break;
            case 503:
                await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
                await channel.BasicNackAsync(delivery.DeliveryTag, false, requeue: true, ct);
                break;
            default:
                Interlocked.Increment(ref rejected);
                logger.LogWarning("MQTT reading of {Device} refused: {Problem}", device.Id, outcome.Problem);
                await channel.BasicNackAsync(delivery.DeliveryTag, false, requeue: false, ct);
                break;
        }
    }
}
