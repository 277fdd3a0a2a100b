using System.CommandLine;
using Lingjing.Bench.Shared;

namespace Lingjing.Bench.Media;

/// <summary>Command line of the voice, video and drawing benchmark.</summary>
public sealed record MediaBenchOptions
{
    public required string ServerDll { get; init; }
    public required string BotsDll { get; init; }
    public required string DataDirectory { get; init; }
    public required string OutFile { get; init; }
    public Uri? Janus { get; init; }
    public string JanusSecret { get; init; } = "";
    public string JanusAdminKey { get; init; } = "";
    public int? JanusPid { get; init; }
    /// <summary>Tone bursts measured per path (after two for warming up).</summary>
    public int Samples { get; init; } = 40;
    public required int[] RoomSizes { get; init; }
    /// <summary>Listeners of an event hall's stage, one measurement per size.</summary>
    public required int[] StageSizes { get; init; }
    public int MeasureSeconds { get; init; } = 20;
    public int CrowdBots { get; init; } = 100;
    /// <summary>Record the crowd page's JavaScript CPU profile (written beside the data, hotspots in the results).</summary>
    public bool Profile { get; init; }
    public int FirstFrameVisits { get; init; } = 5;
    public required string[] Parts { get; init; }

    public static readonly string[] AllParts = ["latency", "capacity", "stage", "first-frame", "crowd"];

    public static MediaBenchOptions? Parse(string[] args)
    {
        var root = CommandLines.RepositoryRoot();
        var server = CommandLines.Option("--server-dll", Path.Combine(root, "src/Lingjing.Server/bin/Release/net10.0/Lingjing.Server.dll"), "the server, published in Release (bench/media.sh does it)");
        var bots = CommandLines.Option("--bots-dll", Path.Combine(root, "tools/Lingjing.Bots/bin/Release/net10.0/Lingjing.Bots.dll"), "the load tool, built in Release");
        var data = CommandLines.Option("--data", Path.Combine(Path.GetTempPath(), "lingjing-media-bench"), "data directory (reused between runs: the demo zone is seeded once)");
        var output = CommandLines.Option("--out", Path.Combine(root, "bench/results/media.json"), "where the results go");
        var janus = CommandLines.Optional<string>("--janus", "Janus HTTP API (http://127.0.0.1:PORT/janus); without it the parts through Janus are skipped");
        var secret = CommandLines.Option("--janus-secret", "", "Janus API secret");
        var adminKey = CommandLines.Option("--janus-admin-key", "", "Janus admin key (rooms are created with it)");
        var janusPid = CommandLines.Optional<int?>("--janus-pid", "Janus's process id, to report its CPU");
        var samples = CommandLines.Option("--samples", 40, "tone bursts measured per path").AtLeast(5);
        var sizes = CommandLines.Option("--room-sizes", "2,4,6,8", "people in the Janus room, one measurement per size");
        var stageSizes = CommandLines.Option("--stage-sizes", "1,2,4,6,8,10", "listeners of an event hall's stage, one measurement per size");
        var seconds = CommandLines.Option("--seconds", 20, "seconds measured per room size").AtLeast(5);
        var crowd = CommandLines.Option("--crowd", 100, "avatars walking in view for the frame-time part").AtLeast(1);
        var visits = CommandLines.Option("--visits", 5, "cold visits timed for the first frame").AtLeast(1);
        var profile = new Option<bool>("--profile") { Description = "record a CPU profile of the page during the crowd's frames" };
        var parts = CommandLines.Option("--parts", string.Join(',', AllParts), "which parts to run");
        var command = new RootCommand("Lingjing.Bench.Media: mouth-to-ear latency, a Janus room's capacity, first frame and frame time, in headless Chromium.")
        {
            server, bots, data, output, janus, secret, adminKey, janusPid, samples, sizes, stageSizes, seconds, crowd, visits, profile, parts,
        };
        if (CommandLines.Parse(command, args) is not { } parsed) return null;
        var chosen = parsed.GetValue(parts)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (chosen.FirstOrDefault(p => !AllParts.Contains(p)) is { } unknown)
            return CommandLines.Refuse<MediaBenchOptions>($"--parts: '{unknown}' is not one of {string.Join(", ", AllParts)}.");
        var roomSizes = new List<int>();
        foreach (var size in parsed.GetValue(sizes)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(size, System.Globalization.CultureInfo.InvariantCulture, out var n) || n < 2)
                return CommandLines.Refuse<MediaBenchOptions>($"--room-sizes: '{size}' is not a number of at least 2.");
            roomSizes.Add(n);
        }
        var stageCounts = new List<int>();
        foreach (var size in parsed.GetValue(stageSizes)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(size, System.Globalization.CultureInfo.InvariantCulture, out var n) || n < 1)
                return CommandLines.Refuse<MediaBenchOptions>($"--stage-sizes: '{size}' is not a number of at least 1.");
            stageCounts.Add(n);
        }
        Uri? janusUri = null;
        if (parsed.GetValue(janus) is { Length: > 0 } janusText && !Uri.TryCreate(janusText, UriKind.Absolute, out janusUri))
            return CommandLines.Refuse<MediaBenchOptions>($"--janus: '{janusText}' is not an address.");
        return new MediaBenchOptions
        {
            ServerDll = parsed.GetValue(server)!,
            BotsDll = parsed.GetValue(bots)!,
            DataDirectory = parsed.GetValue(data)!,
            OutFile = parsed.GetValue(output)!,
            Janus = janusUri,
            JanusSecret = parsed.GetValue(secret)!,
            JanusAdminKey = parsed.GetValue(adminKey)!,
            JanusPid = parsed.GetValue(janusPid),
            Samples = parsed.GetValue(samples),
            RoomSizes = [.. roomSizes.Order()],
            StageSizes = [.. stageCounts.Order()],
            MeasureSeconds = parsed.GetValue(seconds),
            CrowdBots = parsed.GetValue(crowd),
            Profile = parsed.GetValue(profile),
            FirstFrameVisits = parsed.GetValue(visits),
            Parts = chosen,
        };
    }
}
