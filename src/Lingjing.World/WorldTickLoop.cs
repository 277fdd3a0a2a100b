using System.Diagnostics;

namespace Lingjing.World;

/// <summary>
/// Calls a tick at a fixed rate on its own thread, so the thread pool (2 threads on a small box)
/// stays free for I/O. Ticks fall on multiples of the period in wall-clock time, so the nodes of a cluster tick
/// together and one node's batch reaches the others within the same tick (see <see cref="Bus.IWorldBus.GatherWindow"/>).
/// A late tick runs immediately and the next is back on the grid; missed ticks are skipped, not replayed.
/// </summary>
internal sealed class WorldTickLoop : IDisposable
{
    private readonly Action _tick;
    private readonly long _periodMs;
    private readonly ManualResetEventSlim _stop = new();
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Thread _thread;

    public WorldTickLoop(Action tick, int rateHz)
    {
        _tick = tick;
        _periodMs = 1000 / rateHz;
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
        var next = NextBoundary(NowMs());
        var onGrid = true;
        try
        {
            while (!_stop.IsSet)
            {
                var wait = next - NowMs();
                if (wait > 0 && _stop.Wait((int)wait)) break;
                try
                {
                    _tick();
                }
                catch (Exception ex)
                {
                    // The engine never throws by design; if it does, keep the world alive.
                    Trace.TraceError($"World tick failed: {ex}");
                }
                var now = NowMs();
                var expected = onGrid ? next + _periodMs : NextBoundary(now);
                // Behind schedule: the next tick at once (no burst to catch up), the one after it back on the grid.
                onGrid = expected >= now;
                next = onGrid ? expected : now;
            }
        }
        finally
        {
            _stopped.TrySetResult();
        }
    }

    private long NextBoundary(long nowMs) => (nowMs / _periodMs + 1) * _periodMs;

    private static long NowMs() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
}
