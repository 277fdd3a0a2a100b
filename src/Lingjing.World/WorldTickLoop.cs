using System.Diagnostics;

namespace Lingjing.World;

/// <summary>
/// Calls a tick at a fixed rate on its own thread, so the thread pool (2 threads on a small box)
/// stays free for I/O. A late tick runs immediately; missed ticks are skipped, not replayed.
/// </summary>
internal sealed class WorldTickLoop : IDisposable
{
    private readonly Action _tick;
    private readonly long _periodTicks;
    private readonly ManualResetEventSlim _stop = new();
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Thread _thread;

    public WorldTickLoop(Action tick, int rateHz)
    {
        _tick = tick;
        _periodTicks = Stopwatch.Frequency / rateHz;
        _thread = new Thread(Run) { IsBackground = true, Name = "Lingjing world tick" };
    }

    public void Start() => _thread.Start();

    public Task StopAsync()
    {
        _stop.Set();
        return _stopped.Task;
    }

    /// <summary>After <see cref="StopAsync"/> has completed.</summary>
    public void Dispose() => _stop.Dispose();

    private void Run()
    {
        var next = Stopwatch.GetTimestamp();
        try
        {
            while (!_stop.IsSet)
            {
                try
                {
                    _tick();
                }
                catch (Exception ex)
                {
                    // The engine never throws by design; if it does, keep the world alive.
                    Trace.TraceError($"World tick failed: {ex}");
                }
                next += _periodTicks;
                var now = Stopwatch.GetTimestamp();
                if (next < now) next = now; // behind schedule: do not try to catch up in a burst
                var wait = (next - now) * 1000 / Stopwatch.Frequency;
                if (wait > 0) _stop.Wait((int)wait);
            }
        }
        finally
        {
            _stopped.TrySetResult();
        }
    }
}
