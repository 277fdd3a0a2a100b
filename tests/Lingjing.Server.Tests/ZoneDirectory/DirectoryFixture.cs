using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

// Not "...Tests.Directory": that namespace would hide System.IO.Directory from every other test namespace.
namespace Lingjing.Server.Tests.ZoneDirectory;

/// <summary>A server per database with a small, known directory (no demo data) and a signed-in
/// client. Rows are inserted after the schema exists, as the demo seeder does, so the search
/// indexes are exercised on rows they did not see when they were created.</summary>
public sealed class DirectoryFixture : IAsyncLifetime
{
    public const string Email = "reader@directory.test";
    public const string Password = "Directory#2026";
    public const int FillerCount = 25;

    private readonly Dictionary<Db, Task<Started>> started = new();
    private readonly Lock gate = new();

    public async Task<HttpClient> ClientAsync(Db db) => (await StartAsync(db)).Client;

    public async Task<LingjingApp> AppAsync(Db db) => (await StartAsync(db)).App;

    public async Task<DirectoryRows> RowsAsync(Db db) => (await StartAsync(db)).Rows;

    /// <summary>A client signed in as an account of the given role (created on first use, one per role, park and enterprise).</summary>
    public async Task<HttpClient> ClientAsAsync(Db db, string role, int? parkId = null, int? enterpriseId = null)
    {
        var app = await AppAsync(db);
        var email = $"{role.ToLowerInvariant()}-p{parkId}-e{enterpriseId}@directory.test";
        Task<LingjingUser> created;
        lock (gate)
        {
            if (!accounts.TryGetValue((db, email), out created!))
                accounts[(db, email)] = created = TestUsers.CreateAsync(app, email, role, parkId, enterpriseId);
        }
        await created;
        return await app.SignedInAsync(email, TestUsers.Password);
    }

    private readonly Dictionary<(Db, string), Task<LingjingUser>> accounts = new();

    private Task<Started> StartAsync(Db db)
    {
        lock (gate)
        {
            if (!started.TryGetValue(db, out var task))
                started[db] = task = StartNewAsync(db);
            return task;
        }
    }

    private static async Task<Started> StartNewAsync(Db db)
    {
        var app = await LingjingApp.StartAsync(db, demo: false);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<LingjingUser>>();
            var created = await users.CreateAsync(new LingjingUser { UserName = Email, Email = Email, DisplayName = "Directory reader" }, Password);
            created.Succeeded.ShouldBeTrue(string.Join("; ", created.Errors.Select(e => e.Description)));
        }
        var rows = await DirectoryRows.InsertAsync(app.Service<IServiceScopeFactory>());
        var client = await app.SignedInAsync(Email, Password);
        return new Started(app, client, rows);
    }

    private sealed record Started(LingjingApp App, HttpClient Client, DirectoryRows Rows);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var task in this.started.Values)
        {
            var started = await task;
            started.Client.Dispose();
            await started.App.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class DirectoryCollection : ICollectionFixture<DirectoryFixture>
{
    public const string Name = "Directory";
}
