using System.Globalization;

namespace Lingjing.Bots;

/// <summary>Command line of the load tool.</summary>
public sealed record BotOptions
{
    public required Uri Url { get; init; }
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

    public const string Usage = """
        Lingjing.Bots: walks N signed-in demo users through a world and measures it.
          --url URL              server base address (http://127.0.0.1:5080)
          --bots N               number of bots (100)
          --duration S           measured seconds (30)
          --world ID             world id: park-1 .. park-51 or zone (park-1)
          --out FILE             write the results as JSON
          --tokens FILE          token cache (lingjing-bot-tokens.json in the temp directory)
          --first-user N         first demo account number (1 = user0001)
          --observers N          bots that decode snapshots fully for latency (250)
          --bots-per-attraction N, --attraction-radius M   crowd density (150, 110)
          --no-align             send inputs on a free-running 10 Hz clock instead of just before the server tick
          --warmup S             seconds walked before measuring (5)
          --label TEXT           stored in the JSON
          --server-pid PID       report that process's CPU and memory (from /proc) over the measured phase
          --quiet                no live display
        """;

    public static BotOptions Parse(string[] args)
    {
        var o = new BotOptions { Url = new Uri("http://127.0.0.1:5080") };
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int NextInt() => int.Parse(Next(), CultureInfo.InvariantCulture);
            o = args[i] switch
            {
                "--url" => o with { Url = new Uri(Next()) },
                "--bots" => o with { Bots = NextInt() },
                "--duration" => o with { DurationSeconds = NextInt() },
                "--world" => o with { World = Next() },
                "--out" => o with { OutFile = Next() },
                "--tokens" => o with { TokenFile = Next() },
                "--first-user" => o with { FirstUser = NextInt() },
                "--observers" => o with { Observers = NextInt() },
                "--bots-per-attraction" => o with { BotsPerAttraction = NextInt() },
                "--attraction-radius" => o with { AttractionRadiusM = NextInt() },
                "--no-align" => o with { AlignToTick = false },
                "--warmup" => o with { WarmupSeconds = NextInt() },
                "--label" => o with { Label = Next() },
                "--server-pid" => o with { ServerPid = NextInt() },
                "--quiet" => o with { Quiet = true },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }
        if (o.Bots < 1 || o.DurationSeconds < 1) throw new ArgumentException("--bots and --duration must be positive.");
        return o;
    }
}
