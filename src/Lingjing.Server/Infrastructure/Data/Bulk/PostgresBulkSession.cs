using System.Collections;
using Npgsql;
using NpgsqlTypes;

namespace Lingjing.Server.Infrastructure.Data.Bulk;

/// <summary>Bulk writes on PostgreSQL with binary COPY inside one transaction. Identity columns
/// written with explicit values get their sequences moved past the largest id afterwards.</summary>
internal sealed class PostgresBulkSession(NpgsqlConnection connection, NpgsqlTransaction transaction) : IBulkSession
{
    private const int ProgressEvery = 1_000;
    private bool committed;

    public async Task<long> WriteAsync<T>(BulkTable<T> table, IEnumerable<T> rows, Action<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var columns = table.Columns;
        var types = columns.Select(c => DbTypeOf(c.Type)).ToArray();
        var copy = $"COPY {Quote(table.Name)} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)";
        long written = 0;
        var sinceProgress = 0;
        await using (var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken))
        {
            foreach (var row in rows)
            {
                await importer.StartRowAsync(cancellationToken);
                for (var c = 0; c < columns.Count; c++)
                {
                    var value = Encode(columns[c].Value(row), columns[c].Type);
                    if (value is null) await importer.WriteNullAsync(cancellationToken);
                    else await importer.WriteAsync(value, types[c], cancellationToken);
                }
                written++;
                if (++sinceProgress < ProgressEvery) continue;
                progress?.Invoke(sinceProgress);
                sinceProgress = 0;
            }
            await importer.CompleteAsync(cancellationToken);
        }
        if (sinceProgress > 0) progress?.Invoke(sinceProgress);

        if (table.IdentityColumn is { } identity)
        {
            await using var reset = new NpgsqlCommand(
                $"SELECT setval(pg_get_serial_sequence('{table.Name}', '{identity}'), COALESCE(MAX({Quote(identity)}), 0) + 1, false) FROM {Quote(table.Name)}",
                connection, transaction);
            await reset.ExecuteNonQueryAsync(cancellationToken);
        }
        return written;
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

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

    private static object? Encode(object? value, BulkType type) => value switch
    {
        null => null,
        // timestamptz takes UTC only; the model keeps instants in UTC, unspecified kinds included.
        DateTime instant when type == BulkType.Timestamp => instant.Kind == DateTimeKind.Utc ? instant
            : instant.Kind == DateTimeKind.Local ? instant.ToUniversalTime() : DateTime.SpecifyKind(instant, DateTimeKind.Utc),
        DateTimeOffset instant => instant.ToUniversalTime(),
        IEnumerable list when type == BulkType.TextList && value is not string[] => list.Cast<string>().ToArray(),
        IEnumerable list when type == BulkType.IntList && value is not int[] => list.Cast<int>().ToArray(),
        _ => value,
    };

    private static NpgsqlDbType DbTypeOf(BulkType type) => type switch
    {
        BulkType.Int16 => NpgsqlDbType.Smallint,
        BulkType.Int32 => NpgsqlDbType.Integer,
        BulkType.Int64 => NpgsqlDbType.Bigint,
        BulkType.Double => NpgsqlDbType.Double,
        BulkType.Decimal => NpgsqlDbType.Numeric,
        BulkType.Boolean => NpgsqlDbType.Boolean,
        BulkType.Text => NpgsqlDbType.Text,
        BulkType.TextList => NpgsqlDbType.Array | NpgsqlDbType.Text,
        BulkType.IntList => NpgsqlDbType.Array | NpgsqlDbType.Integer,
        BulkType.Date => NpgsqlDbType.Date,
        BulkType.Time => NpgsqlDbType.Time,
        BulkType.Timestamp => NpgsqlDbType.TimestampTz,
        BulkType.TimestampOffset => NpgsqlDbType.TimestampTz,
        BulkType.Uuid => NpgsqlDbType.Uuid,
        BulkType.Bytes => NpgsqlDbType.Bytea,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
