using System.Globalization;

namespace Lingjing.Bench.Bookings;

public sealed record BookingBenchOptions(string Database, string? Postgres, string ServerDll, int Clients, int HotSpaces, int Seconds,
    double? PgbenchTps, string? PgbenchCommand, string ResultsDirectory, IReadOnlyList<string> ServerArguments)
{
    public static BookingBenchOptions Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var repo = FindRepositoryRoot();
        var database = Value("--db") ?? "sqlite";
        if (database is not ("sqlite" or "postgres")) throw new ArgumentException("--db must be sqlite or postgres");
        var postgres = Value("--postgres");
        if (database == "postgres" && string.IsNullOrWhiteSpace(postgres))
            throw new ArgumentException("--db postgres needs --postgres \"Host=...;Database=<fresh empty database>\"");
        var server = Value("--server") ?? Path.Combine(repo, "src/Lingjing.Server/bin/Release/net10.0/Lingjing.Server.dll");
        if (!File.Exists(server)) throw new FileNotFoundException($"Build the server first (dotnet build src/Lingjing.Server -c Release): {server}");
        return new BookingBenchOptions(database, database == "postgres" ? postgres : null, Path.GetFullPath(server),
            int.Parse(Value("--clients") ?? "1000", CultureInfo.InvariantCulture), int.Parse(Value("--spaces") ?? "50", CultureInfo.InvariantCulture),
            int.Parse(Value("--seconds") ?? "60", CultureInfo.InvariantCulture),
            Value("--pgbench-tps") is { Length: > 0 } tps ? double.Parse(tps, CultureInfo.InvariantCulture) : null, Value("--pgbench-command"),
            Value("--results") ?? Path.Combine(repo, "bench/results"),
            // --server-arg "--Logging:LogLevel:X=None" (repeatable): passed on to the server, for experiments.
            // The load books as many slots as it can with a few thousand demo accounts: the parks' limits on active
            // bookings per person and enterprise (fair use) are off, so it measures the no-overlap path as before.
            new[] { "--Lingjing:Bookings:ActivePerPerson=0", "--Lingjing:Bookings:ActivePerEnterprise=0" }
                .Concat(args.Select((a, i) => (a, i)).Where(p => p.a == "--server-arg" && p.i + 1 < args.Length).Select(p => args[p.i + 1])).ToList());
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Lingjing.slnx"))) return dir.FullName;
        return Environment.CurrentDirectory;
    }
}
