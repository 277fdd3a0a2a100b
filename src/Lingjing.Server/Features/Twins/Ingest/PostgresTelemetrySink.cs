using Lingjing.Server.Infrastructure.Data;
using Npgsql;
using NpgsqlTypes;

namespace Lingjing.Server.Features.Twins.Ingest;

/// <summary>Binary COPY of raw points on one long-lived connection; the transaction commits with
/// PostgreSQL's default synchronous commit, so a returned write is on disk. A batch holding a reading that is there
/// already (unique per series and timestamp) fails as a COPY and is written again with INSERT ... ON CONFLICT DO
/// NOTHING: the rare case (a device sending again after a node died) pays, not every batch.</summary>
internal sealed class PostgresTelemetrySink(DatabaseSettings database, TelemetrySequenceRange range) : ITelemetrySink
{
    private const string Copy = "COPY telemetry_raw (seq, series_id, ts, value) FROM STDIN (FORMAT BINARY)";
    private const string InsertNew = """
        INSERT INTO telemetry_raw (seq, series_id, ts, value)
        SELECT * FROM unnest(@seq, @series, @ts, @value) ON CONFLICT (series_id, ts) DO NOTHING
        """;
    private NpgsqlConnection? connection;

    public async Task<long> LastSequenceAsync(CancellationToken ct)
    {
        var open = await OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT value FROM telemetry_marks WHERE key = @k", open);
        command.Parameters.AddWithValue("k", range.RawKey);
        return await command.ExecuteScalarAsync(ct) is long value ? value : range.Base;
    }

    public async Task WriteAsync(IReadOnlyList<IngestBatch> batches, long firstSequence, CancellationToken ct)
    {
        try
        {
            var open = await OpenAsync(ct);
            try
            {
                await WriteAsync(open, batches, firstSequence, copy: true, ct);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                await WriteAsync(open, batches, firstSequence, copy: false, ct);
            }
        }
        catch
        {
            // A broken connection is replaced on the next write.
            if (connection is not null) await connection.DisposeAsync();
            connection = null;
            throw;
        }
    }

    private async Task WriteAsync(NpgsqlConnection open, IReadOnlyList<IngestBatch> batches, long firstSequence, bool copy, CancellationToken ct)
    {
        await using var transaction = await open.BeginTransactionAsync(ct);
        var last = copy ? await CopyAsync(open, batches, firstSequence, ct) : await InsertNewAsync(open, transaction, batches, firstSequence, ct);
        await using (var mark = new NpgsqlCommand(
            "INSERT INTO telemetry_marks (key, value) VALUES (@k, @v) ON CONFLICT (key) DO UPDATE SET value = excluded.value", open, transaction))
        {
            mark.Parameters.AddWithValue("k", range.RawKey);
            mark.Parameters.AddWithValue("v", last);
            await mark.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
    }

    private static async Task<long> CopyAsync(NpgsqlConnection open, IReadOnlyList<IngestBatch> batches, long seq, CancellationToken ct)
    {
        await using var importer = await open.BeginBinaryImportAsync(Copy, ct);
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
        return seq - 1;
    }

    private static async Task<long> InsertNewAsync(
        NpgsqlConnection open, NpgsqlTransaction transaction, IReadOnlyList<IngestBatch> batches, long seq, CancellationToken ct)
    {
        var count = batches.Sum(b => b.Count);
        var (seqs, series, stamps, values) = (new long[count], new int[count], new long[count], new double[count]);
        var row = 0;
        foreach (var batch in batches)
            for (var i = 0; i < batch.Count; i++, row++)
                (seqs[row], series[row], stamps[row], values[row]) = (seq + row, batch.Points[i].SeriesId, batch.Points[i].Timestamp, batch.Points[i].Value);
        await using var insert = new NpgsqlCommand(InsertNew, open, transaction);
        insert.Parameters.AddWithValue("seq", seqs);
        insert.Parameters.AddWithValue("series", series);
        insert.Parameters.AddWithValue("ts", stamps);
        insert.Parameters.AddWithValue("value", values);
        await insert.ExecuteNonQueryAsync(ct);
        return seq + count - 1;
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
