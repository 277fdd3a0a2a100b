using Lingjing.Server.Infrastructure.Data;
using Npgsql;
using NpgsqlTypes;

namespace Lingjing.Server.Features.Twins.Ingest;

/// <summary>Binary COPY of raw points on one long-lived connection; the transaction commits with
/// PostgreSQL's default synchronous commit, so a returned write is on disk.</summary>
internal sealed class PostgresTelemetrySink(DatabaseSettings database) : ITelemetrySink
{
    private const string Copy = "COPY telemetry_raw (seq, series_id, ts, value) FROM STDIN (FORMAT BINARY)";
    private NpgsqlConnection? connection;

    public async Task<long> LastSequenceAsync(CancellationToken ct)
    {
        var open = await OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT value FROM telemetry_marks WHERE key = 'raw_seq'", open);
        return await command.ExecuteScalarAsync(ct) is long value ? value : 0;
    }

    public async Task WriteAsync(IReadOnlyList<IngestBatch> batches, long firstSequence, CancellationToken ct)
    {
        try
        {
            var open = await OpenAsync(ct);
            await using var transaction = await open.BeginTransactionAsync(ct);
            var seq = firstSequence;
            await using (var importer = await open.BeginBinaryImportAsync(Copy, ct))
            {
                foreach (var batch in batches)
                {
                    var points = batch.Points;
                    for (var i = 0; i < batch.Count; i++)
                    {
                        // Synchronous writes fill Npgsql's buffer; it only touches the socket when the buffer is full.
                        importer.StartRow();
                        importer.Write(seq++, NpgsqlDbType.Bigint);
                        importer.Write(points[i].SeriesId, NpgsqlDbType.Integer);
                        importer.Write(points[i].Timestamp, NpgsqlDbType.Bigint);
                        importer.Write(points[i].Value, NpgsqlDbType.Double);
                    }
                }
                await importer.CompleteAsync(ct);
            }
            await using (var mark = new NpgsqlCommand(
                "INSERT INTO telemetry_marks (key, value) VALUES ('raw_seq', @v) ON CONFLICT (key) DO UPDATE SET value = excluded.value", open, transaction))
            {
                mark.Parameters.AddWithValue("v", seq - 1);
                await mark.ExecuteNonQueryAsync(ct);
            }
            await transaction.CommitAsync(ct);
        }
        catch
        {
            // A broken connection is replaced on the next write.
            if (connection is not null) await connection.DisposeAsync();
            connection = null;
            throw;
        }
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken ct)
    {
        if (connection is { State: System.Data.ConnectionState.Open }) return connection;
        if (connection is not null) await connection.DisposeAsync();
        connection = (NpgsqlConnection)DatabaseConnections.Create(database);
        await connection.OpenAsync(ct);
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        if (connection is not null) await connection.DisposeAsync();
    }
}
