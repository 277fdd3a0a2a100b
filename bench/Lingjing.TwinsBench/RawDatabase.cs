using System.Globalization;
using System.Data.Common;
using System.Diagnostics;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using SQLitePCL;

namespace Lingjing.TwinsBench;

/// <summary>Direct access to the server's database: counts, and the ceiling — the same rows written
/// straight into a table shaped like telemetry_raw (same columns and indexes), COPY on PostgreSQL,
/// prepared multi-row INSERTs with synchronous=FULL on SQLite, in transactions of the same size.</summary>
public sealed class RawDatabase(string? postgres, string sqliteFile)
{
    public bool IsPostgres => postgres is not null;

    private DbConnection Open()
    {
        DbConnection connection = postgres is not null ? new NpgsqlConnection(postgres) : new SqliteConnection($"Data Source={sqliteFile}");
        connection.Open();
        return connection;
    }

    public long Scalar(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Writes <paramref name="rows"/> rows over <paramref name="series"/> series and returns rows per second.</summary>
    public double Ceiling(long rows, int[] series, int rowsPerTransaction)
    {
        using var connection = Open();
        using (var setup = connection.CreateCommand())
        {
            setup.CommandText = IsPostgres
                ? "DROP TABLE IF EXISTS bench_ceiling_raw; CREATE TABLE bench_ceiling_raw (LIKE telemetry_raw INCLUDING ALL);"
                : "DROP TABLE IF EXISTS bench_ceiling_raw; CREATE TABLE bench_ceiling_raw (seq INTEGER NOT NULL PRIMARY KEY, series_id INTEGER NOT NULL, ts INTEGER NOT NULL, value REAL NOT NULL); " +
                  "CREATE UNIQUE INDEX ix_bench_ceiling_raw ON bench_ceiling_raw (series_id, ts); PRAGMA synchronous=FULL; PRAGMA wal_checkpoint(TRUNCATE);";
            setup.ExecuteNonQuery();
        }
        var start = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var clock = Stopwatch.StartNew();
        long written = 0;
        while (written < rows)
        {
            var count = (int)Math.Min(rowsPerTransaction, rows - written);
            if (connection is NpgsqlConnection pg) WritePostgres(pg, written, count, series, start);
            else WriteSqlite((SqliteConnection)connection, written, count, series, start);
            written += count;
        }
        var rate = written / clock.Elapsed.TotalSeconds;
        using (var drop = connection.CreateCommand())
        {
            drop.CommandText = "DROP TABLE bench_ceiling_raw";
            drop.ExecuteNonQuery();
        }
        return rate;
    }

    private static void WritePostgres(NpgsqlConnection connection, long first, int count, int[] series, long start)
    {
        using var transaction = connection.BeginTransaction();
        using (var importer = connection.BeginBinaryImport("COPY bench_ceiling_raw (seq, series_id, ts, value) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < count; i++)
            {
                var n = first + i;
                importer.StartRow();
                importer.Write(n + 1, NpgsqlDbType.Bigint);
                importer.Write(series[n % series.Length], NpgsqlDbType.Integer);
                importer.Write(start + n / series.Length, NpgsqlDbType.Bigint);
                importer.Write(n * 0.5, NpgsqlDbType.Double);
            }
            importer.Complete();
        }
        transaction.Commit();
    }

    private static void WriteSqlite(SqliteConnection connection, long first, int count, int[] series, long start)
    {
        const int perStatement = 256;
        var db = connection.Handle!;
        using var transaction = connection.BeginTransaction();
        var sql = new StringBuilder("INSERT INTO bench_ceiling_raw (seq, series_id, ts, value) VALUES ").AppendJoin(", ", Enumerable.Repeat("(?, ?, ?, ?)", perStatement)).ToString();
        raw.sqlite3_prepare_v2(db, sql, out var full);
        raw.sqlite3_prepare_v2(db, "INSERT INTO bench_ceiling_raw (seq, series_id, ts, value) VALUES (?, ?, ?, ?)", out var one);
        try
        {
            var i = 0;
            for (; i + perStatement <= count; i += perStatement)
            {
                for (var r = 0; r < perStatement; r++) Bind(full, r * 4, first + i + r);
                Step(full);
            }
            for (; i < count; i++)
            {
                Bind(one, 0, first + i);
                Step(one);
            }
        }
        finally
        {
            full.Dispose();
            one.Dispose();
        }
        transaction.Commit();

        void Bind(sqlite3_stmt statement, int at, long n)
        {
            raw.sqlite3_bind_int64(statement, at + 1, n + 1);
            raw.sqlite3_bind_int(statement, at + 2, series[n % series.Length]);
            raw.sqlite3_bind_int64(statement, at + 3, start + n / series.Length);
            raw.sqlite3_bind_double(statement, at + 4, n * 0.5);
        }

        void Step(sqlite3_stmt statement)
        {
            var rc = raw.sqlite3_step(statement);
            raw.sqlite3_reset(statement);
            if (rc != raw.SQLITE_DONE) throw new InvalidOperationException($"SQLite step failed: {rc}");
        }
    }
}
