using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Lingjing.Server.Tests.Infrastructure;

/// <summary>All in-memory servers of a test run share this process's thread pool. When something blocks
/// many pool threads at once (SQLite writers waiting in busy_timeout, sync-over-async), every other server
/// stalls, and a browser test far away times out. This watch queues a probe every half second from its own
/// thread and writes to the server error log when a probe waited more than a second, so such a stall
/// shows up next to the failure it caused.</summary>
internal static class ThreadPoolWatch
{
    private static readonly TimeSpan Reported = TimeSpan.FromSeconds(1);

    [ModuleInitializer]
    internal static void Start() =>
        new Thread(Watch) { IsBackground = true, Name = "thread-pool-watch" }.Start();

    private static void Watch()
    {
        while (true)
        {
            Thread.Sleep(500);
            var waited = Stopwatch.StartNew();
            using var ran = new ManualResetEventSlim();
            ThreadPool.UnsafeQueueUserWorkItem(_ => ran.Set(), null);
            ran.Wait();
            if (waited.Elapsed >= Reported)
                ServerErrorLog.Append($"{DateTime.UtcNow:O} Warning thread pool: a queued item waited {waited.Elapsed.TotalSeconds:0.0} s " +
                    $"({ThreadPool.ThreadCount} threads, {ThreadPool.PendingWorkItemCount} items queued)");
        }
    }
}
