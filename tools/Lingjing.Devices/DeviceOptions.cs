using System.CommandLine;
using Lingjing.Bench.Shared;

namespace Lingjing.Devices;

/// <summary>The device simulator's command line.</summary>
public sealed record DeviceOptions(Uri Url, int Devices, int DurationSeconds, double Rate, int Batch, string? Mqtt, string Email, string Password)
{
    /// <summary>The options, or null when the program should stop (after --help or a mistake, already printed).</summary>
    public static DeviceOptions? Parse(string[] args)
    {
        var url = CommandLines.Url("--url", null, "Lingjing's address, e.g. http://127.0.0.1:5000");
        var devices = CommandLines.Option("--devices", 10, "how many devices; the park's sensors and machines, in turn").AtLeast(1);
        var duration = CommandLines.Option("--duration", 60, "seconds to run").AtLeast(1);
        var rate = CommandLines.Option("--rate", 1.0, "readings per second per device");
        rate.Validators.Add(result =>
        {
            if (result.Tokens is [var token] && double.TryParse(token.Value, System.Globalization.CultureInfo.InvariantCulture, out var r) && r <= 0)
                result.AddError("--rate must be above 0.");
        });
        var batch = CommandLines.Option("--batch", 1, "readings per HTTP request or MQTT message").AtLeast(1);
        var mqtt = CommandLines.Optional<string>("--mqtt", "HOST:PORT: publish over MQTT 3.1.1 (RabbitMQ's MQTT plugin) instead of HTTP");
        mqtt.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } m && (m.Split(':') is not [_, var port] || !int.TryParse(port, out _)))
                result.AddError("--mqtt must be HOST:PORT.");
        });
        var email = CommandLines.Option("--email", "park01@demo.lingjing.local", "park operator account");
        var password = CommandLines.Option("--password", "Demo#2026", "its password");
        var command = new RootCommand("Lingjing device simulator: provisions devices with a park operator's account and sends telemetry with daily patterns.")
        {
            url, devices, duration, rate, batch, mqtt, email, password,
        };
        if (CommandLines.Parse(command, args) is not { } parsed) return null;
        return new DeviceOptions(parsed.GetValue(url)!, parsed.GetValue(devices), parsed.GetValue(duration), parsed.GetValue(rate),
            parsed.GetValue(batch), parsed.GetValue(mqtt), parsed.GetValue(email)!, parsed.GetValue(password)!);
    }
}
