using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Lingjing.Server.Infrastructure.Data.Bulk;

/// <summary>Bulk writes on SQLite: one transaction, one prepared multi-row INSERT per table reused for
/// every full batch. Values are bound by position through SQLite's own API: Microsoft.Data.Sqlite
/// binds by name, which costs more than the insert itself at this volume.</summary>
internal sealed class SqliteBulkSession(SqliteConnection connection, SqliteTransaction transaction) : IBulkSession
{
    // SQLite's default limit is 32,766 variables per statement; batches of 64 rows already amortise the per-statement cost.
    private const int MaxVariables = 4_000;
    private const int MaxRowsPerStatement = 64;
    private const int ProgressEvery = 1_024;
    private bool committed;

    public Task<long> WriteAsync<T>(BulkTable<T> table, IEnumerable<T> rows, Action<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var columns = table.Columns;
        var rowsPerStatement = Math.Clamp(MaxVariables / columns.Count, 1, MaxRowsPerStatement);
        var database = connection.Handle!;
        var full = Prepare(database, table, rowsPerStatement);
        var batch = new object[rowsPerStatement * columns.Count];
        var pending = 0;
        var sinceProgress = 0;
        long written = 0;
        try
        {
            foreach (var row in rows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var offset = pending * columns.Count;
                for (var c = 0; c < columns.Count; c++)
                    batch[offset + c] = SqliteValues.Encode(columns[c].Value(row), columns[c].Type);
                if (++pending < rowsPerStatement) continue;
                Execute(database, full, batch, batch.Length);
                written += pending;
                sinceProgress += pending;
                pending = 0;
                if (sinceProgress < ProgressEvery) continue;
                progress?.Invoke(sinceProgress);
                sinceProgress = 0;
            }
            if (pending > 0)
            {
                var rest = Prepare(database, table, pending);
                try { Execute(database, rest, batch, pending * columns.Count); }
                finally { rest.Dispose(); }
                written += pending;
                sinceProgress += pending;
            }
        }
        finally
        {
            full.Dispose();
        }
        if (sinceProgress > 0) progress?.Invoke(sinceProgress);
        return Task.FromResult(written);
    }

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        await transaction.CommitAsync(cancellationToken);
        committed = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (!committed) await transaction.RollbackAsync();
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }

    private static sqlite3_stmt Prepare<T>(sqlite3 database, BulkTable<T> table, int rowCount)
    {
        var sql = new StringBuilder("INSERT INTO \"").Append(table.Name).Append("\" (");
        sql.AppendJoin(", ", table.Columns.Select(c => "\"" + c.Name + "\"")).Append(") VALUES ");
        var placeholders = "(" + string.Join(", ", Enumerable.Repeat("?", table.Columns.Count)) + ")";
        sql.AppendJoin(", ", Enumerable.Repeat(placeholders, rowCount));
        var rc = raw.sqlite3_prepare_v2(database, sql.ToString(), out var statement);
        SqliteException.ThrowExceptionForRC(rc, database);
        return statement;
    }

    private static void Execute(sqlite3 database, sqlite3_stmt statement, object[] values, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var rc = values[i] switch
            {
                long n => raw.sqlite3_bind_int64(statement, i + 1, n),
                double d => raw.sqlite3_bind_double(statement, i + 1, d),
                string s => raw.sqlite3_bind_text(statement, i + 1, s),
                byte[] b => raw.sqlite3_bind_blob(statement, i + 1, b),
                _ => raw.sqlite3_bind_null(statement, i + 1),
            };
            SqliteException.ThrowExceptionForRC(rc, database);
        }
        var step = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (step != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(step, database);
    }
}
