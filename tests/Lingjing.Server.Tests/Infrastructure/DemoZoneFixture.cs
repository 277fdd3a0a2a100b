namespace Lingjing.Server.Tests.Infrastructure;

/// <summary>The full demo zone seeded once per database for the whole test run; tests in the
/// <see cref="DemoZoneCollection"/> share it. Tests that change data use their own rows (e.g. an
/// enterprise no other test touches) so they stay independent of order.</summary>
public sealed class DemoZoneFixture : IAsyncLifetime
{
    private readonly Dictionary<Db, Task<LingjingApp>> apps = new();
    private readonly Lock gate = new();

    public Task<LingjingApp> App(Db database)
    {
        lock (gate)
        {
            if (!apps.TryGetValue(database, out var app))
                // SQLite listens on a real port too, so browser tests can share the seeded zone.
                apps[database] = app = LingjingApp.StartAsync(database, demo: true, kestrel: database == Db.Sqlite);
            return app;
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in apps.Values)
            await (await app).DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class DemoZoneCollection : ICollectionFixture<DemoZoneFixture>
{
    public const string Name = "Demo zone";
}
