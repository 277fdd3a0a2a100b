using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.Twins.Ingest;

/// <summary>The bounded queue between ingest and the one writer. Bounded in points: a batch that
/// would take it over capacity is refused, and the caller answers 503 with Retry-After. Points
/// count until they are committed, so the bound covers everything held in memory.</summary>
public sealed class TelemetryQueue
{
    private readonly Channel<IngestBatch> channel = Channel.CreateUnbounded<IngestBatch>(new UnboundedChannelOptions { SingleReader = true });
    private long held;

    public TelemetryQueue(IOptions<TelemetryOptions> options) => Capacity = options.Value.QueueCapacityPoints;

    public long Capacity { get; }

    /// <summary>Points queued or being written.</summary>
    public long Held => Interlocked.Read(ref held);

    public bool TryEnqueue(IngestBatch batch)
    {
        var after = Interlocked.Add(ref held, batch.Count);
        if (after > Capacity && after != batch.Count)
        {
            Interlocked.Add(ref held, -batch.Count);
            return false;
        }
        channel.Writer.TryWrite(batch);
        return true;
    }

    internal ChannelReader<IngestBatch> Reader => channel.Reader;

    internal void Release(long points) => Interlocked.Add(ref held, -points);
}
