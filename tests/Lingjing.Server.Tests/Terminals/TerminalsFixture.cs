using Lingjing.Server.Tests.Infrastructure;

namespace Lingjing.Server.Tests.Terminals;

/// <summary>One app per database without demo data, holding a <see cref="TerminalScene"/>, shared by
/// the terminal and localization tests.</summary>
public sealed class TerminalsFixture : IAsyncLifetime
{
    private readonly Dictionary<Db, Task<(LingjingApp App, TerminalScene Scene)>> apps = new();
    private readonly Lock gate = new();

    public Task<(LingjingApp App, TerminalScene Scene)> App(Db database)
    {
        lock (gate)
        {
            if (!apps.TryGetValue(database, out var app))
                apps[database] = app = StartAsync(database);
            return app;
        }
    }

    private static async Task<(LingjingApp, TerminalScene)> StartAsync(Db database)
    {
        var app = await LingjingApp.StartAsync(database, demo: false);
        return (app, await TerminalScene.CreateAsync(app));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in apps.Values)
            await (await app).App.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class TerminalsCollection : ICollectionFixture<TerminalsFixture>
{
    public const string Name = "Terminals";
}
