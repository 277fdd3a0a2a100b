using System.Net;
using Lingjing.Server.Features.Twins.Devices;

namespace Lingjing.Server.Features.Twins.Mqtt;

/// <summary>The endpoints RabbitMQ's rabbitmq_auth_backend_http plugin asks (over loopback) whether
/// an MQTT client may connect and publish. A device connects with its id as user name and its token
/// as password, and may only publish to its own topic telemetry/{id} (routing key telemetry.{id} on
/// amq.topic). Anything else is denied. Answers are the plain-text "allow" / "deny" the plugin expects.</summary>
public static class BrokerAuthApi
{
    public const string TopicExchange = "amq.topic";

    public static void MapBrokerAuthApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/broker/auth").WithTags("Broker").AllowAnonymous().ExcludeFromDescription()
            .AddEndpointFilter(async (context, next) =>
                IPAddress.IsLoopback(context.HttpContext.Connection.RemoteIpAddress ?? IPAddress.None) || context.HttpContext.Connection.RemoteIpAddress is null
                    ? await next(context)
                    : Results.Text("deny", statusCode: 403));

        api.MapPost("/user", async (HttpRequest request, DeviceRegistry devices) =>
        {
            var form = await request.ReadFormAsync();
            var device = devices.Authenticate(form["password"]);
            return Answer(device is not null && device.Id == form["username"]);
        });

        api.MapPost("/vhost", async (HttpRequest request, DeviceRegistry devices) =>
        {
            var form = await request.ReadFormAsync();
            return Answer(devices.Exists(form["username"].ToString()) && form["vhost"] == "/");
        });

        api.MapPost("/resource", async (HttpRequest request, DeviceRegistry devices) =>
        {
            var form = await request.ReadFormAsync();
            // Publishing over MQTT writes to the topic exchange; a device reads and configures nothing else.
            return Answer(devices.Exists(form["username"].ToString()) && form["resource"] == "exchange" && form["name"] == TopicExchange && form["permission"] == "write");
        });

        api.MapPost("/topic", async (HttpRequest request, DeviceRegistry devices) =>
        {
            var form = await request.ReadFormAsync();
            var user = form["username"].ToString();
            return Answer(devices.Exists(user) && form["name"] == TopicExchange && form["permission"] == "write" && form["routing_key"] == "telemetry." + user);
        });
    }

    private static IResult Answer(bool allow) => Results.Text(allow ? "allow" : "deny", "text/plain");
}
