namespace Lingjing.Server.Tests.Infrastructure;

/// <summary>One blank Lingjing server (no demo zone) per database for the whole test run. A server start
/// costs a schema migration and, on PostgreSQL, a new database; tests that need only a server and rows of
/// their own share this one instead, from any test class and in parallel.
/// <para>Such a test makes everything it creates unique (<see cref="Email"/>, <see cref="ZoneRows"/>) and
/// changes nothing the whole server shares: settings, throttles per address, the clock, jobs. A test about
/// one of those starts a server of its own with <see cref="LingjingApp.StartAsync"/>.</para></summary>
public static class SharedApps
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<Db, Task<LingjingApp>> Apps = [];
    private static int emails;

    static SharedApps() =>
        // xUnit v2 has no assembly fixture: stop the servers when the test process ends, so their
        // background jobs and PostgreSQL connections end with it.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAll();

    public static Task<LingjingApp> Blank(Db database)
    {
        lock (Gate)
        {
            if (!Apps.TryGetValue(database, out var app))
                Apps[database] = app = LingjingApp.StartAsync(database, demo: false);
            return app;
        }
    }

    /// <summary>An email address no other test uses: <c>name-17@example.test</c>.</summary>
    public static string Email(string name) => $"{name}-{Interlocked.Increment(ref emails)}@example.test";

    private static void StopAll()
    {
        Task<LingjingApp>[] started;
        lock (Gate) started = [.. Apps.Values];
        foreach (var app in started.Where(a => a.IsCompletedSuccessfully))
            app.Result.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(10));
    }
}
