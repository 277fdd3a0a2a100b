using System.Text;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Lingjing.Server.Features.Twins.Ingest;

/// <summary>Multi-row INSERTs of raw points in one transaction on one long-lived connection, bound
/// by position through SQLite's own API, with the database's one set of settings and a large page cache
/// (<see cref="DatabaseConnections"/>).</summary>
internal sealed class SqliteTelemetrySink(string connectionString, TelemetrySequenceRange range) : ITelemetrySink
{
    private const int RowsPerStatement = 256;
    private SqliteConnection? connection;
    private sqlite3_stmt? full;
    private sqlite3_stmt? single;

    public async Task<long> LastSequenceAsync(CancellationToken ct)
    {
        var open = Open();
        await using var command = open.CreateCommand();
        command.CommandText = "SELECT value FROM telemetry_marks WHERE key = $k";
        command.Parameters.AddWithValue("$k", range.RawKey);
        return await command.ExecuteScalarAsync(ct) is long value ? value : range.Base;
    }

    public Task WriteAsync(IReadOnlyList<IngestBatch> batches, long firstSequence, CancellationToken ct)
    {
        var open = Open();
        var db = open.Handle!;
        using var transaction = open.BeginTransaction();
        var seq = firstSequence;
        var pending = 0;
        foreach (var batch in batches)
        {
            var points = batch.Points;
            for (var i = 0; i < batch.Count; i++)
            {
                var at = pending * 4;
                Check(raw.sqlite3_bind_int64(full!, at + 1, seq++), db);
                Check(raw.sqlite3_bind_int(full!, at + 2, points[i].SeriesId), db);
                Check(raw.sqlite3_bind_int64(full!, at + 3, points[i].Timestamp), db);
                Check(raw.sqlite3_bind_double(full!, at + 4, points[i].Value), db);
                if (++pending < RowsPerStatement) continue;
                Step(full!, db);
                pending = 0;
            }
        }
        // The rest, one row at a time: rebinding the first rows of the full statement would also re-insert its stale tail.
        if (pending > 0)
        {
            raw.sqlite3_clear_bindings(full!);
            var start = seq - pending;
            var index = 0;
            foreach (var batch in batches)
            {
                for (var i = 0; i < batch.Count; i++, index++)
                {
                    var s = firstSequence + index;
                    if (s < start) continue;
                    Check(raw.sqlite3_bind_int64(single!, 1, s), db);
                    Check(raw.sqlite3_bind_int(single!, 2, batch.Points[i].SeriesId), db);
                    Check(raw.sqlite3_bind_int64(single!, 3, batch.Points[i].Timestamp), db);
                    Check(raw.sqlite3_bind_double(single!, 4, batch.Points[i].Value), db);
                    Step(single!, db);
                }
            }
        }
        using (var mark = open.CreateCommand())
        {
            mark.Transaction = transaction;
            mark.CommandText = "INSERT INTO telemetry_marks (key, value) VALUES ($k, $v) ON CONFLICT (key) DO UPDATE SET value = excluded.value";
            mark.Parameters.AddWithValue("$k", range.RawKey);
            mark.Parameters.AddWithValue("$v", seq - 1);
            mark.ExecuteNonQuery();
        }
        transaction.Commit();
        return Task.CompletedTask;
    }

    private SqliteConnection Open()
    {
        if (connection is not null) return connection;
        connection = DatabaseConnections.CreateSqliteWriter(connectionString);
        connection.Open();
        var db = connection.Handle!;
        var row = "(?, ?, ?, ?)";
        var sql = new StringBuilder("INSERT OR IGNORE INTO telemetry_raw (seq, series_id, ts, value) VALUES ")
            .AppendJoin(", ", Enumerable.Repeat(row, RowsPerStatement)).ToString();
        Check(raw.sqlite3_prepare_v2(db, sql, out var statement), db);
        full = statement;
        Check(raw.sqlite3_prepare_v2(db, "INSERT OR IGNORE INTO telemetry_raw (seq, series_id, ts, value) VALUES " + row, out var one), db);
        single = one;
        return connection;
    }

    private static void Step(sqlite3_stmt statement, sqlite3 db)
    {
        var rc = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, db);
    }

    private static void Check(int rc, sqlite3 db)
    {
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, db);
    }

    public ValueTask DisposeAsync()
    {
        full?.Dispose();
        single?.Dispose();
        connection?.Dispose();
        return ValueTask.CompletedTask;
    }
}
