using System.Collections.Immutable;
using System.Text.Json;
using System.Threading.Channels;

namespace Lingjing.Server.Infrastructure.Realtime;

/// <summary>Publish and subscribe inside this process, for pages that update live over server-sent
/// events. Each subscriber has a small queue of its own that drops its oldest message when the reader
/// falls behind, so a stuck browser never holds up whoever publishes (an alarm recorder, a notifier).
/// In a cluster an <see cref="ILiveRelay"/> carries each message (as JSON) to the other nodes' subscribers too, so a
/// person sees it on whichever node their page is connected to; the streams also re-read on a timer, so a message
/// lost between nodes costs a few seconds, not the update.</summary>
public sealed class LiveBroadcast<T>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new ReadOnlySetJsonConverter() } };
    private static readonly string Topic = typeof(T).FullName!;
    private readonly ILiveRelay? relay;

    public LiveBroadcast(ILiveRelay? relay = null)
    {
        this.relay = relay;
        relay?.Attach(Topic, message =>
        {
            if (JsonSerializer.Deserialize<T>(message.Span, Json) is { } received) PublishHere(received);
        });
    }

    /// <summary>Messages one subscriber may have waiting; live views re-read what they show, so losing
    /// the oldest of a burst costs nothing but a redundant refresh.</summary>
    public const int QueueLength = 64;

    private ImmutableArray<Channel<T>> subscribers = [];

    public int SubscriberCount => subscribers.Length;

    public void Publish(T message)
    {
        PublishHere(message);
        relay?.Forward(Topic, JsonSerializer.SerializeToUtf8Bytes(message, Json));
    }

    private void PublishHere(T message)
    {
        foreach (var subscriber in subscribers) subscriber.Writer.TryWrite(message);
    }

    /// <summary>A subscription that ends when disposed (the stream's request ends).</summary>
    public Subscription Subscribe()
    {
        var channel = Channel.CreateBounded<T>(new BoundedChannelOptions(QueueLength)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        ImmutableInterlocked.Update(ref subscribers, list => list.Add(channel));
        return new Subscription(this, channel);
    }

    public sealed class Subscription(LiveBroadcast<T> owner, Channel<T> channel) : IDisposable
    {
        public ChannelReader<T> Reader => channel.Reader;

        /// <summary>Waits up to <paramref name="timeout"/> for a message that <paramref name="concerns"/> the
        /// subscriber. True when one came, false on the timeout or when the stream is ending.</summary>
        public async Task<bool> WaitAsync(Func<T, bool> concerns, TimeSpan timeout, TimeProvider time, CancellationToken ct)
        {
            var deadline = time.GetUtcNow() + timeout;
            while (await ReadableAsync(deadline - time.GetUtcNow(), time, ct))
            {
                var found = false;
                while (channel.Reader.TryRead(out var message)) found |= concerns(message);
                if (found) return true;
            }
            return false;
        }

        /// <summary>The messages that arrived within <paramref name="timeout"/>: empty on the timeout or when
        /// the stream is ending.</summary>
        public async Task<IReadOnlyList<T>> NextAsync(TimeSpan timeout, TimeProvider time, CancellationToken ct)
        {
            var messages = new List<T>();
            if (await ReadableAsync(timeout, time, ct))
                while (channel.Reader.TryRead(out var message)) messages.Add(message);
            return messages;
        }

        // On the injected clock, so tests that move a fake clock decide when a stream re-reads.
        private async Task<bool> ReadableAsync(TimeSpan timeout, TimeProvider time, CancellationToken ct)
        {
            if (timeout <= TimeSpan.Zero || ct.IsCancellationRequested) return false;
            using var expiry = new CancellationTokenSource(timeout, time);
            using var either = CancellationTokenSource.CreateLinkedTokenSource(ct, expiry.Token);
            try
            {
                return await channel.Reader.WaitToReadAsync(either.Token);
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        public void Dispose()
        {
            ImmutableInterlocked.Update(ref owner.subscribers, list => list.Remove(channel));
            channel.Writer.TryComplete();
        }
    }
}
