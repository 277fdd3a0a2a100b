using Lingjing.World.Protocol;

namespace Lingjing.World.Tests.Support;

/// <summary>
/// Records what the engine sends. Sends complete at once unless the connection is stalled, which
/// models a slow client whose socket buffer is full.
/// </summary>
public sealed class FakeConnection : IWorldConnection
{
    private readonly object _gate = new();
    private TaskCompletionSource? _stall;

    public List<byte[]> RawFrames { get; } = new();
    public int? CloseCode { get; private set; }
    public string? CloseReason { get; private set; }
    public bool ConcurrentUseDetected { get; private set; }
    /// <summary>Sends the engine cancelled (what aborts a real socket, resetting the connection).</summary>
    public int SendsCancelled { get; private set; }
    private int _busy;

    public IReadOnlyList<ServerFrame> Frames
    {
        get
        {
            lock (_gate) return RawFrames.Select(f => ServerFrame.Parser.ParseFrom(f)).ToList();
        }
    }

    public IEnumerable<T> Received<T>(Func<ServerFrame, T?> pick) where T : class =>
        Frames.Select(pick).OfType<T>();

    public void Stall()
    {
        lock (_gate) _stall ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public void Resume()
    {
        TaskCompletionSource? stall;
        lock (_gate)
        {
            stall = _stall;
            _stall = null;
        }
        stall?.TrySetResult();
    }

    public void Clear()
    {
        lock (_gate) RawFrames.Clear();
    }

    public async ValueTask SendAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _busy, 1) == 1) ConcurrentUseDetected = true;
        Task? wait;
        lock (_gate)
        {
            RawFrames.Add(frame.ToArray());
            wait = _stall?.Task;
        }
        try
        {
            if (wait is not null) await wait.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            SendsCancelled++;
            throw;
        }
        finally
        {
            Interlocked.Exchange(ref _busy, 0);
        }
    }

    public ValueTask CloseAsync(int code, string reason)
    {
        CloseCode = code;
        CloseReason = reason;
        return ValueTask.CompletedTask;
    }
}
