using Lingjing.Server.Infrastructure.Cluster;
using Lingjing.Server.Infrastructure.Jobs;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lingjing.Server.Tests.Cluster;

/// <summary>Several Lingjing nodes in the test process, clustered over one fresh PostgreSQL database, each an Orleans
/// silo on a loopback port of its own; started at the same time, as a deployment would.</summary>
public sealed class ClusterNodesHarness : IAsyncDisposable
{
    private ClusterNodesHarness(string connectionString, List<LingjingApp> nodes) => (ConnectionString, Nodes) = (connectionString, nodes);

    public string ConnectionString { get; }
    public List<LingjingApp> Nodes { get; }

    /// <param name="kestrel">Each node listens on a loopback port of its own (world sockets).</param>
    public static async Task<ClusterNodesHarness> StartAsync(int count, IDictionary<string, string?>? extra = null, bool kestrel = false)
    {
        var database = await TestDatabase.CreatePostgresDatabaseAsync();
        var harness = new ClusterNodesHarness(database, []);
        await harness.AddNodesAsync(count, extra, kestrel);
        return harness;
    }

    /// <summary>Starts more nodes on the same database and waits until every node sees all of them active.</summary>
    public async Task AddNodesAsync(int count, IDictionary<string, string?>? extra = null, bool kestrel = false)
    {
        var database = ConnectionString;
        var starting = Enumerable.Range(0, count).Select(_ =>
        {
            var settings = new Dictionary<string, string?>(extra ?? new Dictionary<string, string?>())
            {
                ["ConnectionStrings:Postgres"] = database,
                ["Lingjing:Cluster:Enabled"] = "true",
                ["Lingjing:Cluster:SiloPort"] = ServerChildProcess.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            return LingjingApp.StartAsync(Db.Postgres, demo: false, settings, kestrel);
        });
        Nodes.AddRange(await Task.WhenAll(starting));
        var total = Nodes.Count;
        await UntilAsync(() => Nodes.All(n => n.Service<ClusterNodes>().Alive().Count(m => m.Status == "active") == total),
            $"{total} nodes to see each other active");
    }

    /// <summary>Stops every node (gracefully: Orleans hands their grains over or lets them go).</summary>
    public async Task StopAllAsync()
    {
        foreach (var node in Nodes) await node.DisposeAsync();
        Nodes.Clear();
    }

    /// <summary>The job of that name on each node.</summary>
    public List<RecurringJob> Job(string name) =>
        Nodes.Select(n => n.Services.GetServices<RecurringJob>().Single(j => j.Name == name)).ToList();

    /// <summary>Polls (every 50 ms, at most 60 s) until the condition holds.</summary>
    public static async Task UntilAsync(Func<bool> condition, string what)
    {
        var giveUp = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            if (DateTime.UtcNow > giveUp) throw new TimeoutException($"Waited 60 s for {what}.");
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in Nodes) await node.DisposeAsync();
    }
}
