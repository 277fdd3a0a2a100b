using System.Text;
using Microsoft.Data.Sqlite;

namespace Lingjing.Server.Infrastructure.Data.Bulk;

/// <summary>Bulk writes on SQLite: one transaction, one prepared multi-row INSERT per table reused for
/// every full batch (SQLite's fastest path short of its C API).</summary>
internal sealed class SqliteBulkSession(SqliteConnection connection, SqliteTransaction transaction) : IBulkSession
{
    // Microsoft.Data.Sqlite re-binds every parameter by name on each execution; a few hundred
    // variables per statement keep that cheap while spreading each statement's cost over many rows.
    private const int MaxVariables = 400;
    private const int MaxRowsPerStatement = 256;
    private bool committed;

    public async Task<long> WriteAsync<T>(BulkTable<T> table, IEnumerable<T> rows, Action<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var columns = table.Columns;
        var rowsPerStatement = Math.Clamp(MaxVariables / columns.Count, 1, MaxRowsPerStatement);
        await using var full = Prepare(table.Name, columns.Count, rowsPerStatement);
        var pending = 0;
        long written = 0;
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var offset = pending * columns.Count;
            for (var c = 0; c < columns.Count; c++)
                full.Parameters[offset + c].Value = SqliteValues.Encode(columns[c].Value(row), columns[c].Type);
            if (++pending < rowsPerStatement) continue;
            await full.ExecuteNonQueryAsync(cancellationToken);
            written += pending;
            progress?.Invoke(pending);
            pending = 0;
        }
        if (pending > 0)
        {
            await using var rest = Prepare(table.Name, columns.Count, pending);
            for (var i = 0; i < pending * columns.Count; i++) rest.Parameters[i].Value = full.Parameters[i].Value;
            await rest.ExecuteNonQueryAsync(cancellationToken);
            written += pending;
            progress?.Invoke(pending);
        }
        return written;

        SqliteCommand Prepare(string name, int columnCount, int rowCount)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            var sql = new StringBuilder("INSERT INTO \"").Append(name).Append("\" (");
            sql.AppendJoin(", ", columns.Select(c => "\"" + c.Name + "\"")).Append(") VALUES ");
            for (var r = 0; r < rowCount; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < columnCount; c++)
                {
                    var parameter = "$p" + (r * columnCount + c);
                    sql.Append(c == 0 ? "" : ", ").Append(parameter);
                    command.Parameters.Add(new SqliteParameter(parameter, DBNull.Value));
                }
                sql.Append(')');
            }
            command.CommandText = sql.ToString();
            command.Prepare();
            return command;
        }
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
}
