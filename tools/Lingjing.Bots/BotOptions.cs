using System.CommandLine;
using Lingjing.Bench.Shared;

namespace Lingjing.Bots;

/// <summary>Command line of the load tool.</summary>
public sealed record BotOptions
{
    public required Uri Url { get; init; }
    /// <summary>The nodes of a cluster to spread the bots over (bot i on node i mod n); empty: every bot on <see cref="Url"/>.</summary>
    public IReadOnlyList<Uri> Nodes { get; init; } = [];
    public int Bots { get; init; } = 100;
    public int DurationSeconds { get; init; } = 30;
    public string World { get; init; } = "park-1";
    public string? OutFile { get; init; }
    /// <summary>Where signed-in tokens are cached between runs (tokens are tied to the server's data-protection keys).</summary>
    public string TokenFile { get; init; } = Path.Combine(Path.GetTempPath(), "lingjing-bot-tokens.json");
    public int FirstUser { get; init; } = 1;
    public string Password { get; init; } = "Demo#2026";
    public int SignInConcurrency { get; init; } = 4;
    public int ConnectConcurrency { get; init; } = 64;
    /// <summary>Bots that decode every avatar of every snapshot to measure latency (the rest only count bytes and ticks).</summary>
    public int Observers { get; init; } = 250;
    /// <summary>Bots per attraction: sets the crowd density (about 30 avatars in view with the default 150 over a 110 m disc).</summary>
    public int BotsPerAttraction { get; init; } = 150;
    public int AttractionRadiusM { get; init; } = 110;
    /// <summary>Schedule inputs to land just before the server's tick (learned from snapshot times), as docs/protocol.md recommends.</summary>
    public bool AlignToTick { get; init; } = true;
    public int WarmupSeconds { get; init; } = 5;
    public string Label { get; init; } = "";
    /// <summary>The server's process id, to report its CPU and memory over the measured phase.</summary>
    public int? ServerPid { get; init; }
    public bool Quiet { get; init; }
    /// <summary>An event's hall instead of <see cref="World"/>: the tool creates a hall event as <see cref="Organiser"/>,
    /// registers and seats every bot (each in the instance the server gives it), puts bot 0 on stage walking about it and
    /// keeps the others in their seats; latency is the stage's moves seen in every instance (<see cref="HallRun"/>).</summary>
    public bool Hall { get; init; }
    public string Organiser { get; init; } = "gov@demo.lingjing.local";
    /// <summary>Bots that also follow the event's floor over server-sent events while questions are asked (hall only).</summary>
    public int FloorListeners { get; init; }
    public double QuestionEverySeconds { get; init; } = 2;

    /// <summary>The options, or null when the program should stop (after --help or a mistake, already printed).</summary>
    public static BotOptions? Parse(string[] args)
    {
        var url = CommandLines.Url("--url", new Uri("http://127.0.0.1:5080"), "server base address");
        var bots = CommandLines.Option("--bots", 100, "number of bots").AtLeast(1);
        var duration = CommandLines.Option("--duration", 30, "measured seconds").AtLeast(1);
        var world = CommandLines.Option("--world", "park-1", "world id: park-1 .. park-51 or zone");
        var outFile = CommandLines.Optional<string>("--out", "write the results as JSON to this file");
        var tokens = CommandLines.Option("--tokens", Path.Combine(Path.GetTempPath(), "lingjing-bot-tokens.json"), "token cache between runs");
        var firstUser = CommandLines.Option("--first-user", 1, "first demo account number (1 = user0001)").AtLeast(1);
        var observers = CommandLines.Option("--observers", 250, "bots that decode snapshots fully for latency").AtLeast(0);
        var perAttraction = CommandLines.Option("--bots-per-attraction", 150, "crowd density: bots per attraction").AtLeast(1);
        var radius = CommandLines.Option("--attraction-radius", 110, "crowd density: metres around an attraction").AtLeast(1);
        var noAlign = new Option<bool>("--no-align") { Description = "send inputs on a free-running 10 Hz clock instead of just before the server tick" };
        var warmup = CommandLines.Option("--warmup", 5, "seconds walked before measuring").AtLeast(0);
        var label = CommandLines.Option("--label", "", "stored in the JSON");
        var serverPid = CommandLines.Optional<int?>("--server-pid", "report that process's CPU and memory (from /proc) over the measured phase");
        var quiet = new Option<bool>("--quiet") { Description = "no live display" };
        var hall = new Option<bool>("--hall") { Description = "an event's hall: create a hall event, seat the bots in its instances, bot 0 walks on stage, the rest sit" };
        var organiser = CommandLines.Option("--organiser", "gov@demo.lingjing.local", "who creates the hall's event and puts bot 0 on stage (--hall)");
        var floorListeners = CommandLines.Option("--floor-listeners", 0, "bots that also follow the event's floor stream while questions are asked (--hall)").AtLeast(0);
        var questionEvery = CommandLines.Option("--question-every", 2.0, "seconds between the questions asked during the run (--hall)");
        var nodes = CommandLines.Option("--nodes", "", "comma-separated node addresses of a cluster: bot i connects to node i mod n (sign-in still goes to --url)");
        var command = new RootCommand("Lingjing.Bots: walks N signed-in demo users through a world and measures it.")
        {
            url, bots, duration, world, outFile, tokens, firstUser, observers, perAttraction, radius, noAlign, warmup, label, serverPid, quiet, nodes,
            hall, organiser, floorListeners, questionEvery,
        };
        if (CommandLines.Parse(command, args) is not { } parsed) return null;
        return new BotOptions
        {
            Url = parsed.GetValue(url)!,
            Bots = parsed.GetValue(bots),
            DurationSeconds = parsed.GetValue(duration),
            World = parsed.GetValue(world)!,
            OutFile = parsed.GetValue(outFile),
            TokenFile = parsed.GetValue(tokens)!,
            FirstUser = parsed.GetValue(firstUser),
            Observers = parsed.GetValue(observers),
            BotsPerAttraction = parsed.GetValue(perAttraction),
            AttractionRadiusM = parsed.GetValue(radius),
            AlignToTick = !parsed.GetValue(noAlign),
            WarmupSeconds = parsed.GetValue(warmup),
            Label = parsed.GetValue(label)!,
            ServerPid = parsed.GetValue(serverPid),
            Quiet = parsed.GetValue(quiet),
            Hall = parsed.GetValue(hall),
            Organiser = parsed.GetValue(organiser)!,
            FloorListeners = parsed.GetValue(floorListeners),
            QuestionEverySeconds = Math.Max(0.2, parsed.GetValue(questionEvery)),
            Nodes = parsed.GetValue(nodes)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(n => new Uri(n)).ToList(),
        };
    }
}
