using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Lingjing.Server.Tests.Cluster;

/// <summary>Three real server processes over one PostgreSQL database: <c>kill -9</c> of the node that runs a job, and
/// one of the two others runs it from then on, with Orleans' membership (as Lingjing tunes it) declaring the dead
/// node and moving the job's owner grain.</summary>
public sealed class ClusterFailoverTests(ITestOutputHelper output)
{
    private const string Housekeeping = "booking-housekeeping";

    [Fact]
    public async Task After_kill_9_of_the_node_running_a_job_another_node_runs_it()
    {
        var database = await TestDatabase.CreatePostgresDatabaseAsync();
        var shared = TestDatabase.CreateDataDirectory(); // keys and uploads, the same for every node
        var nodes = new List<ServerChildProcess>();
        try
        {
            // One after the other: the first sets up the schema, the others find it done (starting together is
            // what ClusterJobTests does in one process).
            for (var i = 0; i < 3; i++)
            {
                var node = ServerChildProcess.Start(shared, database,
                [
                    "--Lingjing:Cluster:Enabled=true",
                    $"--Lingjing:Cluster:SiloPort={ServerChildProcess.FreePort().ToString(CultureInfo.InvariantCulture)}",
                    "--Lingjing:Bookings:HousekeepingInterval=00:00:01",
                ]);
                nodes.Add(node);
                await node.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
            }
            await UntilAsync(async () => (await Task.WhenAll(nodes.Select(ActiveNodesAsync))).All(n => n == 3), "three active nodes");
            var owner = await UntilAsync(async () => await OwnerAsync(nodes), "a node running the housekeeping");

            var killedAt = Stopwatch.StartNew();
            nodes[owner].KillNow();
            var staying = nodes.Where((_, i) => i != owner).ToList();
            var before = await Task.WhenAll(staying.Select(n => JobAsync(n).ContinueWith(t => t.Result.Runs, TaskScheduler.Default)));
            var next = await UntilAsync(async () =>
            {
                var jobs = await Task.WhenAll(staying.Select(JobAsync));
                var running = Enumerable.Range(0, jobs.Length).Where(i => jobs[i].RunsHere && jobs[i].Runs > before[i]).ToList();
                return running.Count == 1 ? (int?)running[0] : null;
            }, "a staying node to run the housekeeping");
            output.WriteLine($"kill -9 to the next run on another node: {killedAt.Elapsed.TotalSeconds:0.0} s");
            (await Task.WhenAll(staying.Select(n => JobAsync(n)))).Count(j => j.RunsHere).ShouldBe(1, "one node runs it, not both");
            staying[next].HasExited.ShouldBeFalse();
        }
        finally
        {
            foreach (var node in nodes) await node.DisposeAsync();
        }
    }

    private static async Task<int?> OwnerAsync(List<ServerChildProcess> nodes)
    {
        var jobs = await Task.WhenAll(nodes.Select(JobAsync));
        var owners = Enumerable.Range(0, jobs.Length).Where(i => jobs[i].RunsHere && jobs[i].Runs > 0).ToList();
        return owners.Count == 1 ? owners[0] : null;
    }

    private static async Task<int> ActiveNodesAsync(ServerChildProcess node) =>
        (await HealthAsync(node)).GetProperty("checks").GetProperty("cluster").GetProperty("data").GetProperty("nodes")
            .EnumerateArray().Count(n => n.GetProperty("status").GetString() == "active");

    private static async Task<(bool RunsHere, long Runs)> JobAsync(ServerChildProcess node)
    {
        var job = (await HealthAsync(node)).GetProperty("checks").GetProperty("jobs").GetProperty("data").GetProperty(Housekeeping);
        return (job.GetProperty("runsHere").GetBoolean(), job.GetProperty("runs").GetInt64());
    }

    private static async Task<JsonElement> HealthAsync(ServerChildProcess node)
    {
        using var client = new HttpClient { BaseAddress = node.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        return await client.GetFromJsonAsync<JsonElement>("health");
    }

    /// <summary>Asks every 100 ms, for at most 90 s, until the answer is there.</summary>
    private static async Task<T> UntilAsync<T>(Func<Task<T?>> ask, string what) where T : struct
    {
        var giveUp = Stopwatch.StartNew();
        while (giveUp.Elapsed < TimeSpan.FromSeconds(90))
        {
            try
            {
                if (await ask() is { } answer) return answer;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException($"Waited 90 s for {what}.");
    }

    private static Task UntilAsync(Func<Task<bool>> holds, string what) =>
        UntilAsync<bool>(async () => await holds() ? true : null, what);
}
