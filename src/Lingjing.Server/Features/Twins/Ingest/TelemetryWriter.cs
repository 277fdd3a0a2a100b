using System.Buffers;
using Lingjing.Server.Infrastructure.Cluster;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.Twins.Ingest;

/// <summary>The one writer: takes every batch waiting in the queue (up to a transaction's worth),
/// writes them in one transaction (COPY on PostgreSQL, multi-row INSERTs on SQLite), commits, and
/// only then completes the batches, so a device is only ever answered for durable readings. Each node has its own
/// writer, numbering its rows in a range of its own (<see cref="TelemetrySequenceRange"/>).</summary>
public sealed class TelemetryWriter(
    TelemetryQueue queue,
    DatabaseSettings database,
    LatestValues latest,
    IEnumerable<ITelemetryObserver> observers,
    IOptions<TelemetryOptions> options,
    NodeSerial node,
    ILogger<TelemetryWriter> logger) : BackgroundService
{
    private readonly ITelemetryObserver[] observers = observers.ToArray();
    private long committedSequence;

    /// <summary>The last sequence number committed; rollups fold raw rows up to it.</summary>
    public long CommittedSequence => Interlocked.Read(ref committedSequence);

    /// <summary>Points committed since start.</summary>
    public long CommittedPoints { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var range = new TelemetrySequenceRange(node.Value);
        await using ITelemetrySink sink = database.IsPostgres
            ? new PostgresTelemetrySink(database, range)
            : new SqliteTelemetrySink(database.ConnectionString, range);
        var sequence = await StartSequenceAsync(sink, stoppingToken);
        var max = options.Value.MaxPointsPerTransaction;
        var batches = new List<IngestBatch>();
        var reader = queue.Reader;
        while (await reader.WaitToReadAsync(stoppingToken))
        {
            batches.Clear();
            var points = 0;
            while (points < max && reader.TryRead(out var batch))
            {
                batches.Add(batch);
                points += batch.Count;
            }
            try
            {
                await sink.WriteAsync(batches, sequence + 1, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "Writing {Points} telemetry points failed; their devices are told to retry", points);
                foreach (var batch in batches) batch.Failed(e);
                queue.Release(points);
                foreach (var batch in batches) ArrayPool<TelemetryPoint>.Shared.Return(batch.Points);
                await Task.Delay(TimeSpan.FromMilliseconds(500), stoppingToken);
                continue;
            }
            sequence += points;
            Interlocked.Exchange(ref committedSequence, sequence);
            CommittedPoints += points;
            queue.Release(points);
            // Latest values first: a device that has its answer, and anyone it tells, must see them.
            foreach (var batch in batches)
                for (var i = 0; i < batch.Count; i++)
                    latest.Update(batch.Points[i]);
            foreach (var batch in batches) batch.Committed();
            foreach (var observer in observers)
            {
                try { observer.Committed(batches); }
                catch (Exception e) { logger.LogError(e, "A telemetry observer failed"); }
            }
            foreach (var batch in batches) ArrayPool<TelemetryPoint>.Shared.Return(batch.Points);
        }
    }

    private async Task<long> StartSequenceAsync(ITelemetrySink sink, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                var last = await sink.LastSequenceAsync(ct);
                Interlocked.Exchange(ref committedSequence, last);
                return last;
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                logger.LogError(e, "The telemetry writer cannot reach the database; retrying");
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
            }
        }
    }
}
