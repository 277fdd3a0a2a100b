using System.Globalization;

namespace Lingjing.Devices;

/// <summary>Command line: --url URL --devices N --duration S [--rate R] [--batch B] [--mqtt HOST:PORT]
/// [--email E] [--password P].</summary>
public sealed record DeviceOptions(Uri Url, int Devices, int DurationSeconds, double Rate, int Batch, string? Mqtt, string Email, string Password)
{
    public const string Usage = """
        Lingjing device simulator: provisions devices with a park operator's account and sends telemetry with daily patterns.
          --url URL          Lingjing's address (required), e.g. http://127.0.0.1:5000
          --devices N        how many devices (default 10); the park's sensors and machines, in turn
          --duration S       seconds to run (default 60)
          --rate R           readings per second per device (default 1)
          --batch B          readings per HTTP request or MQTT message (default 1)
          --mqtt HOST:PORT   publish over MQTT 3.1.1 (RabbitMQ's MQTT plugin) instead of HTTP
          --email E          park operator account (default park01@demo.lingjing.local)
          --password P       its password (default Demo#2026)
        """;

    public static DeviceOptions? Parse(string[] args, out string? problem)
    {
        problem = null;
        var values = new Dictionary<string, string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length) { problem = $"Unexpected argument '{args[i]}'."; return null; }
            values[args[i][2..]] = args[++i];
        }
        foreach (var key in values.Keys)
            if (key is not ("url" or "devices" or "duration" or "rate" or "batch" or "mqtt" or "email" or "password")) { problem = $"Unknown option --{key}."; return null; }
        if (!values.TryGetValue("url", out var url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri)) { problem = "--url is required: an absolute http(s) address."; return null; }
        int Int(string key, int fallback) => values.TryGetValue(key, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        try
        {
            var options = new DeviceOptions(uri, Int("devices", 10), Int("duration", 60),
                values.TryGetValue("rate", out var r) ? double.Parse(r, CultureInfo.InvariantCulture) : 1, Int("batch", 1),
                values.GetValueOrDefault("mqtt"), values.GetValueOrDefault("email") ?? "park01@demo.lingjing.local", values.GetValueOrDefault("password") ?? "Demo#2026");
            if (options.Devices < 1 || options.DurationSeconds < 1 || options.Rate <= 0 || options.Batch < 1) { problem = "--devices, --duration, --batch must be at least 1 and --rate above 0."; return null; }
            if (options.Mqtt is { } m && (m.Split(':') is not [_, var p] || !int.TryParse(p, out _))) { problem = "--mqtt must be HOST:PORT."; return null; }
            return options;
        }
        catch (FormatException)
        {
            problem = "--devices, --duration and --batch take whole numbers, --rate a number.";
            return null;
        }
    }
}
