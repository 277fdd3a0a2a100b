using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Lingjing.Bench.Record;

/// <summary>
/// What the record adds to a decision: the same transaction (a decision's row updated) run without and with the
/// record's entry inserted, alternately, on one database; then sealing those entries in batches as the server's
/// sealer does (hash, sign, update). The record's tables are made by the server's own schema script.
/// </summary>
public sealed class AppendRun(string name, Func<DbConnection> open, string schemaScript)
{
    public async Task<AppendResult> RunAsync(int decisions)
    {
        await using var connection = open();
        await connection.OpenAsync();
        await ExecuteAsync(connection, "DROP TABLE IF EXISTS record_heads; DROP TABLE IF EXISTS record_entries; DROP TABLE IF EXISTS bench_decisions;");
        await ExecuteAsync(connection, schemaScript);
        await ExecuteAsync(connection, "CREATE TABLE bench_decisions (id integer PRIMARY KEY, status text NOT NULL)");
        for (var i = 0; i < decisions; i += 1000)
            await ExecuteAsync(connection, "INSERT INTO bench_decisions (id, status) VALUES " +
                string.Join(',', Enumerable.Range(i, Math.Min(1000, decisions - i)).Select(n => $"({n}, 'under_review')")));

        var without = new List<double>(decisions / 2);
        var with = new List<double>(decisions / 2);
        for (var i = 0; i < decisions; i++)
        {
            var record = i % 2 == 1;
            var started = Stopwatch.GetTimestamp();
            await using (var transaction = await connection.BeginTransactionAsync())
            {
                await using (var update = Command(connection, transaction, "UPDATE bench_decisions SET status = 'approved' WHERE id = @id", ("id", i)))
                    await update.ExecuteNonQueryAsync();
                if (record)
                {
                    await using var insert = Command(connection, transaction,
                        "INSERT INTO record_entries (recorded_at, kind, subject, actor, body) VALUES (@at, 'application.approved', @subject, 'bench', @body)",
                        ("at", DateTime.UtcNow), ("subject", $"application:{i}"), ("body", $$"""{"application":{{i}},"from":"under_review","to":"approved"}"""));
                    await insert.ExecuteNonQueryAsync();
                }
                await transaction.CommitAsync();
            }
            (record ? with : without).Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        var sealer = new Sealer();
        var sealing = Stopwatch.StartNew();
        var sealedCount = await sealer.SealAllAsync(connection);
        sealing.Stop();
        return new AppendResult(name, decisions, Percentiles.Of(without), Percentiles.Of(with),
            Math.Round(Percentiles.Of(with).P50 - Percentiles.Of(without).P50, 3), Math.Round(Percentiles.Of(with).P99 - Percentiles.Of(without).P99, 3),
            sealedCount, Math.Round(sealing.Elapsed.TotalMilliseconds * 1000 / Math.Max(1, sealedCount), 1));
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (parameterName, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = parameterName;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public static AppendRun Sqlite(string file, string script) =>
        new("SQLite", () => new SqliteConnection($"Data Source={file};Pooling=False"), "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;" + script);

    public static AppendRun Postgres(string connectionString, string script) => new("PostgreSQL", () => new NpgsqlConnection(connectionString), script);

    /// <summary>The server's sealing, on this connection: batches of 500 in the order written.</summary>
    private sealed class Sealer
    {
        private readonly System.Security.Cryptography.ECDsa _key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);

        public async Task<int> SealAllAsync(DbConnection connection)
        {
            long seq = 0;
            var previous = Lingjing.Record.RecordFormat.Genesis;
            var total = 0;
            while (true)
            {
                var batch = new List<(long Id, DateTime At, string Kind, string Subject, string Actor, string Body)>();
                await using (var read = connection.CreateCommand())
                {
                    read.CommandText = "SELECT id, recorded_at, kind, subject, actor, body FROM record_entries WHERE seq IS NULL ORDER BY id LIMIT 500";
                    await using var reader = await read.ExecuteReaderAsync();
                    while (await reader.ReadAsync())
                        batch.Add((reader.GetInt64(0), reader.GetDateTime(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5)));
                }
                if (batch.Count == 0) return total;
                await using var transaction = await connection.BeginTransactionAsync();
                foreach (var e in batch)
                {
                    var line = new Lingjing.Record.RecordEntryLine(++seq, new DateTimeOffset(DateTime.SpecifyKind(e.At, DateTimeKind.Utc)), e.Kind, e.Subject, e.Actor, e.Body, previous, "", "");
                    var hash = Lingjing.Record.RecordFormat.Hash(line);
                    await using var update = Command(connection, transaction,
                        "UPDATE record_entries SET seq = @seq, previous_hash = @previous, hash = @hash, signature = @signature, sealed_at = @at WHERE id = @id",
                        ("seq", seq), ("previous", previous), ("hash", hash), ("signature", Lingjing.Record.RecordFormat.Sign(_key, hash)), ("at", DateTime.UtcNow), ("id", e.Id));
                    await update.ExecuteNonQueryAsync();
                    previous = hash;
                }
                await transaction.CommitAsync();
                total += batch.Count;
            }
        }
    }
}

/// <param name="AddedP50Ms">With the record minus without, at the median (what the record adds to a decision).</param>
/// <param name="SealMicrosecondsPerEntry">Sealing afterwards (hash, sign, update), per entry, in batches of 500.</param>
public sealed record AppendResult(string Database, int Decisions, Percentiles Without, Percentiles With, double AddedP50Ms, double AddedP99Ms,
    int Sealed, double SealMicrosecondsPerEntry);

public sealed record Percentiles(double P50, double P99, double Max)
{
    public static Percentiles Of(List<double> samples)
    {
        var sorted = samples.Order().ToList();
        double At(double q) => Math.Round(sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)], 3);
        return new Percentiles(At(0.5), At(0.99), Math.Round(sorted[^1], 3));
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{P50:F3} / {P99:F3} / {Max:F1} ms");
}
