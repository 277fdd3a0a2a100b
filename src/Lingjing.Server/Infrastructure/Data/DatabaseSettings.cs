namespace Lingjing.Server.Infrastructure.Data;

/// <summary>Which database this installation runs on, resolved once from configuration.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public bool IsPostgres => Provider == DatabaseProvider.Postgres;

    /// <summary>A GUID as a raw SQL parameter: a uuid on PostgreSQL, EF's upper-case text on SQLite.</summary>
    public object GuidParameter(Guid id) => IsPostgres ? id : Bulk.SqliteValues.GuidText(id);

    public static DatabaseSettings FromConfiguration(IConfiguration configuration, LingjingOptions options)
    {
        var postgres = configuration.GetConnectionString("Postgres");
        if (!string.IsNullOrWhiteSpace(postgres))
            return new DatabaseSettings(DatabaseProvider.Postgres, ForBursts(postgres));

        Directory.CreateDirectory(options.FullDataDirectory);
        var file = Path.Combine(options.FullDataDirectory, "lingjing.db");
        // A generous busy timeout: writers queue behind SQLite's single write lock instead of failing.
        return new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={file};Default Timeout=30;Pooling=True");
    }

    /// <summary>Two changes to a PostgreSQL connection string, with the reasons:
    /// <list type="bullet">
    /// <item>Npgsql's automatic preparation stays off, even when the connection string asks for it:
    /// in Npgsql 10.0.3 a write that fails inside a transaction leaves its statement half-prepared on the
    /// pooled connection, and the next request that gets that connection fails with "unexpected backend
    /// message DataRow" (npgsql/npgsql#6391; PostgresConnectionTests reproduces it). Refused writes are
    /// everyday events here (a booking clash, a duplicate), so a faster plan is not worth a random 500.</item>
    /// <item>Getting a connection may take 30 s instead of Npgsql's 15 s, unless the string sets its own
    /// Timeout: in a burst (hundreds of people booking the same opening at once on a busy machine) requests
    /// queue for a pooled connection or for PostgreSQL to start a new one; a slow answer beats a 500.
    /// The same reason as SQLite's busy timeout.</item>
    /// </list></summary>
    private const int NpgsqlDefaultTimeoutSeconds = 15;

    private static string ForBursts(string connectionString)
    {
        try
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 0 };
            if (builder.Timeout == NpgsqlDefaultTimeoutSeconds) builder.Timeout = 30;
            return builder.ConnectionString;
        }
        catch (ArgumentException error)
        {
            // Npgsql's own message names a keyword, not the setting it came from.
            throw new InvalidOperationException(
                $"--ConnectionStrings:Postgres: not a PostgreSQL connection string ({error.Message}); e.g. Host=127.0.0.1;Username=lingjing;Password=...;Database=lingjing.", error);
        }
    }
}
