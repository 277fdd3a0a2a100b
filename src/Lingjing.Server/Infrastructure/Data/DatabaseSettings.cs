namespace Lingjing.Server.Infrastructure.Data;

/// <summary>Which database this installation runs on, resolved once from configuration.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public bool IsPostgres => Provider == DatabaseProvider.Postgres;

    public static DatabaseSettings FromConfiguration(IConfiguration configuration, LingjingOptions options)
    {
        var postgres = configuration.GetConnectionString("Postgres");
        if (!string.IsNullOrWhiteSpace(postgres))
            return new DatabaseSettings(DatabaseProvider.Postgres, WithAutoPrepare(postgres));

        Directory.CreateDirectory(options.FullDataDirectory);
        var file = Path.Combine(options.FullDataDirectory, "lingjing.db");
        // A generous busy timeout: writers queue behind SQLite's single write lock instead of failing.
        return new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={file};Default Timeout=30;Pooling=True");
    }

    /// <summary>Lets Npgsql prepare the statements a connection runs repeatedly (bookings, lookups):
    /// planning them costs more than running them. An operator's own Max Auto Prepare wins.</summary>
    private static string WithAutoPrepare(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0) builder.MaxAutoPrepare = 64;
        return builder.ConnectionString;
    }
}
