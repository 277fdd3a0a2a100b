using System.Data.Common;
using System.Globalization;
using System.Reflection;

namespace Lingjing.Server.Infrastructure.Data;

/// <summary>Brings the database up to the newest schema by running the versioned scripts embedded
/// from Infrastructure/Data/Schema/{sqlite|postgres}/NNNN_name.sql, each once, in order, each in its
/// own transaction. Scripts are only ever added, never edited, so an upgrade never loses data.</summary>
public sealed class SchemaMigrator(DatabaseSettings database, ILogger<SchemaMigrator> logger)
{
    private const long PostgresLockKey = 0x4C696E676A696E67; // "Lingjing"

    public sealed record Script(int Version, string Name, string Sql);

    public IReadOnlyList<Script> Scripts { get; } = LoadScripts(database.Provider);

    /// <summary>Applies the pending scripts and returns how many ran.</summary>
    public Task<int> MigrateAsync(CancellationToken cancellationToken = default) => MigrateAsync(int.MaxValue, cancellationToken);

    /// <summary>Applies the pending scripts up to <paramref name="upToVersion"/> (what an older release had;
    /// the upgrade test starts from there) and returns how many ran.</summary>
    public async Task<int> MigrateAsync(int upToVersion, CancellationToken cancellationToken = default)
    {
        await using var connection = Open();
        await connection.OpenAsync(cancellationToken);
        if (database.IsPostgres)
            await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({PostgresLockKey})", cancellationToken);
        else
            await ExecuteAsync(connection, null, DatabaseConnections.SqliteJournal, cancellationToken);
        try
        {
            await ExecuteAsync(connection, null,
                "CREATE TABLE IF NOT EXISTS schema_versions (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
                cancellationToken);
            var applied = await AppliedVersionsAsync(connection, cancellationToken);
            var ran = 0;
            foreach (var script in Scripts.Where(s => s.Version <= upToVersion && !applied.Contains(s.Version)))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(connection, transaction, script.Sql, cancellationToken);
                await using var record = connection.CreateCommand();
                record.Transaction = transaction;
                record.CommandText = "INSERT INTO schema_versions (version, name, applied_at) VALUES (@v, @n, @t)";
                AddParameter(record, "v", script.Version);
                AddParameter(record, "n", script.Name);
                AddParameter(record, "t", DateTime.UtcNow.ToString("O"));
                await record.ExecuteNonQueryAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                logger.LogInformation("Applied schema script {Version:0000} {Name}", script.Version, script.Name);
                ran++;
            }
            return ran;
        }
        finally
        {
            if (database.IsPostgres)
                await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({PostgresLockKey})", CancellationToken.None);
        }
    }

    public DbConnection Open() => DatabaseConnections.Create(database);

    private static async Task<HashSet<int>> AppliedVersionsAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM schema_versions";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var versions = new HashSet<int>();
        while (await reader.ReadAsync(cancellationToken)) versions.Add(Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture));
        return versions;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 300;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static IReadOnlyList<Script> LoadScripts(DatabaseProvider provider)
    {
        var assembly = Assembly.GetExecutingAssembly();
        var folder = provider == DatabaseProvider.Postgres ? ".Schema.postgres." : ".Schema.sqlite.";
        return assembly.GetManifestResourceNames()
            .Where(n => n.Contains(folder, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                var fileName = n[(n.IndexOf(folder, StringComparison.Ordinal) + folder.Length)..^4];
                var version = int.Parse(fileName[..4], System.Globalization.CultureInfo.InvariantCulture);
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return new Script(version, fileName[5..], reader.ReadToEnd());
            })
            .OrderBy(s => s.Version)
            .ToList();
    }
}
