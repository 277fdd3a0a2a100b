namespace Lingjing.World.Sessions;

/// <summary>
/// The bounded send queue of one connection and the pump that drains it into the transport.
/// Backpressure: at most one snapshot waits in the queue (a newer one replaces it and counts as
/// dropped); reliable frames count against a byte budget and an age limit, and exceeding either
/// closes the connection instead of growing the buffer.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification =
    "_abort is cancelled at most once, by its own CancelAfter timer, and nothing else is held: disposing it while a close may still arm the timer would race for no gain.")]
internal sealed class ConnectionOutbox
{
    private readonly IWorldConnection _connection;
    private readonly TimeProvider _time;
    private readonly WorldMetrics _metrics;
    private readonly int _maxQueuedBytes;
    private readonly Queue<OutboundFrame> _queue = new();
    private readonly object _gate = new();
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _abort;
    private OutboundFrame? _queuedSnapshot;
    private int _queuedBytes;
    private bool _pumping;
    private long? _sendStartedAt;
    private bool _closing;
    private bool _flushBeforeClose;
    private bool _sendClose;
    private int _closeCode;
    private string _closeReason = "";

    public ConnectionOutbox(IWorldConnection connection, TimeProvider time, WorldMetrics metrics, int maxQueuedBytes)
    {
        _connection = connection;
        _time = time;
        _metrics = metrics;
        _maxQueuedBytes = maxQueuedBytes;
        _abort = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
    }

    /// <summary>How long a close (after a Kicked notice, or after a send stuck on a client that stopped
    /// reading) may wait for the client before the socket is aborted.</summary>
    public static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Completes when the close handshake was sent (or skipped) and nothing more will be sent.</summary>
    public Task Closed => _closed.Task;

    public bool HasQueuedSnapshot
    {
        get { lock (_gate) return _queuedSnapshot is not null; }
    }

    public int QueuedBytes
    {
        get { lock (_gate) return _queuedBytes; }
    }

    /// <summary>
    /// Since when the connection has had unsent work: the start of a send still in flight, else the
    /// oldest queued frame; null when idle. A snapshot that keeps being replaced does not look young
    /// while the send before it is stuck.
    /// </summary>
    public long? PendingSince
    {
        get
        {
            lock (_gate)
            {
                if (_sendStartedAt is { } started) return started;
                foreach (var frame in _queue)
                    if (!frame.Dropped) return frame.EnqueuedAt;
                return null;
            }
        }
    }

    /// <summary>Queues a frame. False when the byte budget is exhausted: the caller must close the connection.</summary>
    public bool Enqueue(OutboundFrame frame)
    {
        lock (_gate)
        {
            if (_closing)
            {
                frame.Release();
                return true;
            }
            if (frame.IsSnapshot && _queuedSnapshot is { } stale)
            {
                // The client has not even received the previous snapshot: it is stale now.
                stale.Drop();
                _queuedBytes -= stale.Length;
                _queuedSnapshot = null;
                _metrics.FrameDropped();
            }
            if (_queuedBytes + frame.Length > _maxQueuedBytes)
            {
                frame.Release();
                return false;
            }
            _queue.Enqueue(frame);
            _queuedBytes += frame.Length;
            if (frame.IsSnapshot) _queuedSnapshot = frame;
            if (_pumping) return true;
            _pumping = true;
        }
        _ = PumpAsync();
        return true;
    }

    /// <summary>Stops sending. With flush, frames already queued go out first (a Kicked notice, say).</summary>
    public void Close(int code, string reason, bool sendClose, bool flush)
    {
        bool startPump = false, closeDeadline = false;
        lock (_gate)
        {
            if (_closing) return;
            _closing = true;
            _closeCode = code;
            _closeReason = reason;
            _sendClose = sendClose;
            _flushBeforeClose = flush;
            if (!flush) DiscardQueue();
            // A send stuck on a client that stopped reading must not hold the connection open for
            // long, but cutting it at once resets the TCP connection and the client never learns why.
            // The close frame waits behind it instead; the socket is aborted if it is still stuck then.
            if (_pumping) closeDeadline = true;
            else
            {
                _pumping = true;
                startPump = true;
            }
        }
        if (closeDeadline) _abort.CancelAfter(CloseTimeout);
        if (startPump) _ = PumpAsync();
    }

    private void DiscardQueue()
    {
        while (_queue.TryDequeue(out var frame)) frame.Release();
        _queuedSnapshot = null;
        _queuedBytes = 0;
    }

    // Runs inline on the enqueuing thread until a send does not complete synchronously; then it
    // continues on the thread pool. Only one pump runs per connection (guarded by _pumping).
    private async Task PumpAsync()
    {
        while (true)
        {
            OutboundFrame? frame = null;
            bool close = false;
            lock (_gate)
            {
                if (_closing && !_flushBeforeClose) DiscardQueue();
                while (_queue.TryDequeue(out var next))
                {
                    if (next.Dropped) continue;
                    frame = next;
                    _sendStartedAt = _time.GetTimestamp();
                    _queuedBytes -= next.Length;
                    if (ReferenceEquals(next, _queuedSnapshot)) _queuedSnapshot = null;
                    break;
                }
                if (frame is null)
                {
                    if (!_closing || _closed.Task.IsCompleted)
                    {
                        _pumping = false;
                        return;
                    }
                    close = true;
                }
            }

            if (close)
            {
                try
                {
                    if (_sendClose) await _connection.CloseAsync(_closeCode, _closeReason).ConfigureAwait(false);
                }
                catch (Exception)
                {
                    // The peer is gone already; nothing to tell it.
                }
                _closed.TrySetResult();
                lock (_gate) _pumping = false;
                return;
            }

            try
            {
                await _connection.SendAsync(frame!.Memory, _abort.Token).ConfigureAwait(false);
                _metrics.FrameSent(frame.Length);
            }
            catch (Exception)
            {
                lock (_gate)
                {
                    if (!_closing)
                    {
                        _closing = true;
                        _sendClose = false;
                        _closeCode = WorldCloseCodes.Abnormal;
                        _closeReason = "send failed";
                    }
                    DiscardQueue();
                }
                SendFailed?.Invoke();
            }
            finally
            {
                lock (_gate) _sendStartedAt = null;
                frame!.Release();
            }
        }
    }

    /// <summary>Raised (once at most matters) when the transport failed a send; the session treats it as a disconnect.</summary>
    public Action? SendFailed { get; set; }

    public long Now() => _time.GetTimestamp();
}
