namespace Lingjing.Server.Features.Twins.Ingest;

/// <summary>The points of one request, queued for the writer. <see cref="Durable"/> completes once
/// they are committed to the database (or fails if they could not be).</summary>
public sealed class IngestBatch(TelemetryPoint[] points, int count, long receivedTicks)
{
    public TelemetryPoint[] Points { get; } = points;
    public int Count { get; } = count;
    /// <summary><see cref="System.Diagnostics.Stopwatch"/> ticks when the request arrived.</summary>
    public long ReceivedTicks { get; } = receivedTicks;
    private readonly TaskCompletionSource durable = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Durable => durable.Task;

    internal void Committed() => durable.TrySetResult();

    internal void Failed(Exception exception) => durable.TrySetException(exception);
}
