using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Lingjing.Server.Features.Twins.Devices;
using Lingjing.Server.Features.Twins.Ingest;
using Lingjing.Server.Features.Twins.Mqtt;
using Lingjing.Server.Tests.Infrastructure;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Shouldly;
using static Lingjing.Server.Tests.Twins.TwinsTestData;

namespace Lingjing.Server.Tests.Twins;

/// <summary>A device publishes over MQTT 3.1.1 (MQTTnet) to the RabbitMQ that ./test.sh
/// starts; RabbitMQ asks Lingjing whether the device's token is good, and Lingjing consumes the
/// readings over AMQP. Without that RabbitMQ the test fails: it never skips.</summary>
public sealed class MqttEndToEndTests
{
    private static string Required(string variable) => Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException($"The MQTT end-to-end test needs {variable}: run ./test.sh, which starts RabbitMQ with the MQTT plugin and sets it.");

    /// <summary>Connects as a device would (MQTT 3.1.1, MQTTnet) and publishes each line as one message at QoS 1;
    /// true when the broker accepted the connection and acknowledged every message, false when it refused or cut us off.</summary>
    private static async Task<bool> PublishAsync(string mqtt, string clientId, string user, string password, string topic, string lines)
    {
        var (host, port) = (mqtt.Split(':')[0], int.Parse(mqtt.Split(':')[1], CultureInfo.InvariantCulture));
        using var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(host, port).WithClientId(clientId).WithCredentials(user, password)
            .WithProtocolVersion(MqttProtocolVersion.V311).WithCleanSession().WithTimeout(TimeSpan.FromSeconds(30))
            .Build();
        try
        {
            if ((await client.ConnectAsync(options)).ResultCode != MqttClientConnectResultCode.Success) return false;
            foreach (var line in lines.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var message = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(line)
                    .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
                if (!(await client.PublishAsync(message)).IsSuccess) return false;
            }
            await client.DisconnectAsync();
            return true;
        }
        catch (MqttCommunicationException)
        {
            // Refused at connect (MqttConnectingFailedException), or the connection closed before the broker acknowledged.
            return false;
        }
    }

    [Fact]
    public async Task Device_publishes_over_mqtt_with_its_token_and_lingjing_stores_the_readings()
    {
        var amqp = Required("LINGJING_TEST_RABBITMQ");
        var mqtt = Required("LINGJING_TEST_MQTT");
        var authPort = int.Parse(Required("LINGJING_TEST_BROKER_AUTH_PORT"), CultureInfo.InvariantCulture);
        await using var app = await TwinsTestApp.StartAsync(Db.Sqlite, new Dictionary<string, string?> { ["ConnectionStrings:RabbitMq"] = amqp }, kestrelPort: authPort);
        var operatorClient = await app.SignedInAsync(DemoAccounts.ParkOperator(19));
        var device = await RegisterAsync(operatorClient, await TwinAsync(operatorClient, Occupancy, 19, 0));
        var other = await RegisterAsync(operatorClient, await TwinAsync(operatorClient, Occupancy, 19, 1));

        var start = TestClock.Now.AddMinutes(-10);
        var lines = string.Concat(Enumerable.Range(0, 50).Select(i => "{\"ts\":" + start.AddSeconds(i).ToUnixTimeMilliseconds() + ",\"values\":{\"occupancy\":" + i + "}}" + "\n"));
        (await PublishAsync(mqtt, device.DeviceId, device.DeviceId, device.Token, device.MqttTopic, lines)).ShouldBeTrue();

        var consumer = app.Service<MqttTelemetryConsumer>();
        for (var i = 0; i < 400 && consumer.Stored < 50; i++) await Task.Delay(50);
        consumer.Stored.ShouldBe(50);
        var latest = await operatorClient.GetFromJsonAsync<TwinLiveView>($"/api/v1/twins/{device.DeviceId}/latest");
        latest!.Values.ShouldHaveSingleItem().Value.ShouldBe(49);

        // A wrong token is refused at connect; a device publishing to another device's topic is cut off.
        (await PublishAsync(mqtt, "wrong-token", device.DeviceId, "ljd_not_the_token", device.MqttTopic, "{\"values\":{\"occupancy\":1}}\n")).ShouldBeFalse();
        (await PublishAsync(mqtt, "forger", device.DeviceId, device.Token, other.MqttTopic, "{\"values\":{\"occupancy\":1}}\n")).ShouldBeFalse();

        // An unknown telemetry name is dropped, not stored. It is published after the forgery, so once it has
        // been consumed anything the forger got through would have been too.
        (await PublishAsync(mqtt, device.DeviceId, device.DeviceId, device.Token, device.MqttTopic, "{\"values\":{\"people\":3}}\n")).ShouldBeTrue();
        for (var i = 0; i < 200 && consumer.Rejected < 1; i++) await Task.Delay(50);
        consumer.Rejected.ShouldBe(1);
        (await operatorClient.GetFromJsonAsync<TwinLiveView>($"/api/v1/twins/{other.DeviceId}/latest"))!.Values.ShouldBeEmpty();
        consumer.Stored.ShouldBe(50);
        (await operatorClient.GetAsync($"/api/v1/twins/{device.DeviceId}/latest")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
