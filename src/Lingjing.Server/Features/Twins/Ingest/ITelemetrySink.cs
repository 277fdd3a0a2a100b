namespace Lingjing.Server.Features.Twins.Ingest;

/// <summary>Where the writer commits raw points: one transaction per call, durable when it returns.</summary>
public interface ITelemetrySink : IAsyncDisposable
{
    /// <summary>The last sequence number committed so far (0 on an empty database).</summary>
    Task<long> LastSequenceAsync(CancellationToken ct);

    /// <summary>Writes the batches' points with sequence numbers from <paramref name="firstSequence"/> on,
    /// records the last one, and commits.</summary>
    Task WriteAsync(IReadOnlyList<IngestBatch> batches, long firstSequence, CancellationToken ct);
}
