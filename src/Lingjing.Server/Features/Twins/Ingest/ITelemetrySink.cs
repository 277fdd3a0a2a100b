namespace Lingjing.Server.Features.Twins.Ingest;

/// <summary>Where the writer commits raw points: one transaction per call, durable when it returns.</summary>
public interface ITelemetrySink : IAsyncDisposable
{
    /// <summary>The last sequence number of the sink's range committed so far (the range's base when none).</summary>
    Task<long> LastSequenceAsync(CancellationToken ct);

    /// <summary>Writes the batches' points with sequence numbers from <paramref name="firstSequence"/> on,
    /// records the last one, and commits. A point whose series already has a reading at its timestamp (a device
    /// sending again what a node that died had already written) is left out: the write is idempotent.</summary>
    Task WriteAsync(IReadOnlyList<IngestBatch> batches, long firstSequence, CancellationToken ct);
}
