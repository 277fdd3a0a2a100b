using System.CommandLine;
using Lingjing.Bench.Shared;

namespace Lingjing.Bench.Bookings;

public sealed record BookingBenchOptions(string Database, string? Postgres, string ServerDll, int Clients, int HotSpaces, int Seconds,
    double? PgbenchTps, string? PgbenchCommand, string ResultsDirectory, IReadOnlyList<string> ServerArguments)
{
    /// <summary>The options, or null when the program should stop (after --help or a mistake, already printed).</summary>
    public static BookingBenchOptions? Parse(string[] args)
    {
        var repo = CommandLines.RepositoryRoot();
        var db = CommandLines.Option("--db", "sqlite", "sqlite or postgres").AcceptOnlyFromAmong("sqlite", "postgres");
        var postgres = CommandLines.Optional<string>("--postgres", "a connection string to a fresh empty database (for --db postgres)");
        var server = CommandLines.Option("--server", Path.Combine(repo, "src/Lingjing.Server/bin/Release/net10.0/Lingjing.Server.dll"), "the server to start");
        var clients = CommandLines.Option("--clients", 1000, "concurrent clients booking").AtLeast(1);
        var spaces = CommandLines.Option("--spaces", 50, "hot spaces they book").AtLeast(1);
        var seconds = CommandLines.Option("--seconds", 60, "measured seconds").AtLeast(1);
        // bookings/run.sh passes an empty value when pgbench printed no rate: that is "none", not a mistake.
        var pgbenchTps = new Option<double?>("--pgbench-tps")
        {
            Description = "pgbench's transactions per second on the same PostgreSQL, for the comparison",
            CustomParser = result => result.Tokens is [{ Value.Length: > 0 } token]
                ? double.TryParse(token.Value, System.Globalization.CultureInfo.InvariantCulture, out var tps) ? tps : Refuse(result, token.Value)
                : null,
        };
        var pgbenchCommand = CommandLines.Optional<string>("--pgbench-command", "the pgbench command that measured it (stored with the result)");
        var results = CommandLines.Option("--results", Path.Combine(repo, "bench/results"), "where the JSON result goes");
        // For experiments, e.g. --server-arg "--Logging:LogLevel:X=None"; repeatable.
        var serverArgs = new Option<string[]>("--server-arg") { Description = "passed on to the server (repeatable)", DefaultValueFactory = _ => [] };
        var command = new RootCommand("Bookings benchmark: many clients booking a few hot spaces at once against the real server; exactly one wins each slot.")
        {
            db, postgres, server, clients, spaces, seconds, pgbenchTps, pgbenchCommand, results, serverArgs,
        };
        if (CommandLines.Parse(command, args) is not { } parsed) return null;
        var database = parsed.GetValue(db)!;
        if (database == "postgres" && string.IsNullOrWhiteSpace(parsed.GetValue(postgres)))
            return CommandLines.Refuse<BookingBenchOptions>("--db postgres needs --postgres \"Host=...;Database=<fresh empty database>\".");
        if (!File.Exists(parsed.GetValue(server)))
            return CommandLines.Refuse<BookingBenchOptions>($"Build the server first (dotnet build src/Lingjing.Server -c Release): {parsed.GetValue(server)}");
        return new BookingBenchOptions(database, database == "postgres" ? parsed.GetValue(postgres) : null, Path.GetFullPath(parsed.GetValue(server)!),
            parsed.GetValue(clients), parsed.GetValue(spaces), parsed.GetValue(seconds), parsed.GetValue(pgbenchTps),
            parsed.GetValue(pgbenchCommand) is { Length: > 0 } pgbench ? pgbench : null, parsed.GetValue(results)!,
            // The load books as many slots as it can with a few thousand demo accounts: the parks' limits on active
            // bookings per person and enterprise (fair use) are off, so it measures the no-overlap path as before.
            ["--Lingjing:Bookings:ActivePerPerson=0", "--Lingjing:Bookings:ActivePerEnterprise=0", .. parsed.GetValue(serverArgs)!]);
    }

    private static double? Refuse(System.CommandLine.Parsing.ArgumentResult result, string value)
    {
        result.AddError($"--pgbench-tps takes a number, not '{value}'.");
        return null;
    }
}
