using System.Net.Http.Json;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Tests.Infrastructure;

namespace Lingjing.Server.Tests.Demo;

public sealed class DemoSeedingConcurrencyTests
{
    [Fact]
    public async Task Two_demo_nodes_starting_together_on_postgres_seed_the_zone_once()
    {
        var connection = await TestDatabase.CreatePostgresDatabaseAsync();
        var shared = new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = connection };
        // A first start without demo data creates the schema and roles, so only demo seeding races below.
        await (await LingjingApp.StartAsync(Db.Postgres, demo: false, shared)).DisposeAsync();

        var nodes = await Task.WhenAll(
            Task.Run(() => LingjingApp.StartAsync(Db.Postgres, demo: true, shared)),
            Task.Run(() => LingjingApp.StartAsync(Db.Postgres, demo: true, shared)));
        try
        {
            foreach (var node in nodes)
            {
                var summary = await node.Anonymous().GetFromJsonAsync<ZoneSummary>("/api/v1/zone/summary");
                summary!.Enterprises.ShouldBe(50_000);
                summary.Parks.ShouldBe(51);
            }
        }
        finally
        {
            foreach (var node in nodes) await node.DisposeAsync();
        }
    }
}
