namespace Lingjing.Bench;

public sealed record BenchOptions(string Database, string? Postgres, string ServerDll, int Requests, int Concurrency,
    string ResultsDirectory, string Readme, string CommandLine)
{
    public static BenchOptions Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var repo = FindRepositoryRoot();
        var database = Value("--db") ?? "sqlite";
        if (database is not ("sqlite" or "postgres")) throw new ArgumentException("--db must be sqlite or postgres");
        var postgres = Value("--postgres") ?? Environment.GetEnvironmentVariable("LINGJING_BENCH_POSTGRES");
        if (database == "postgres" && string.IsNullOrWhiteSpace(postgres))
            throw new ArgumentException("--db postgres needs --postgres \"Host=...;Database=<fresh empty database>\" or LINGJING_BENCH_POSTGRES");
        var server = Value("--server") ?? Path.Combine(repo, "src/Lingjing.Server/bin/Release/net10.0/Lingjing.Server.dll");
        if (!File.Exists(server)) throw new FileNotFoundException($"Build the server first (dotnet build src/Lingjing.Server -c Release): {server}");
        return new BenchOptions(database, database == "postgres" ? postgres : null, Path.GetFullPath(server),
            int.Parse(Value("--requests") ?? "2000"), int.Parse(Value("--concurrency") ?? "8"),
            Value("--results") ?? Path.Combine(repo, "bench/results"), Value("--readme") ?? Path.Combine(repo, "bench/README.md"),
            "bench/directory.sh " + database);
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Lingjing.slnx"))) return dir.FullName;
        return Environment.CurrentDirectory;
    }
}
