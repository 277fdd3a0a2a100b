using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.World.Realtime;
using Lingjing.Server.Tests.Infrastructure;
using Lingjing.Server.Tests.WorldRealtime;
using Lingjing.World.Protocol;
using Xunit.Abstractions;

namespace Lingjing.Server.Tests.Cluster;

/// <summary>The deployment as shipped: three server processes over one PostgreSQL database behind nginx configured from
/// <c>tools/cluster/nginx.conf.template</c>. People whose sockets land on different nodes share the zone's world; after
/// <c>kill -9</c> of the node owning it, another node owns it, the people of the dead node reconnect through nginx where
/// they stood, everyone sees everyone move again, and the world's chat history is still there.</summary>
public sealed class ClusterBalancerTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Behind_nginx_three_nodes_share_a_world_and_it_carries_on_after_kill_9_of_its_owner()
    {
        var database = await TestDatabase.CreatePostgresDatabaseAsync();
        var shared = TestDatabase.CreateDataDirectory();
        var nodes = new List<(ServerChildProcess Process, int SiloPort)>();
        var people = new Dictionary<string, Person>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                var silo = ServerChildProcess.FreePort();
                var node = ServerChildProcess.Start(shared, database,
                    ["--Lingjing:Cluster:Enabled=true", $"--Lingjing:Cluster:SiloPort={silo.ToString(CultureInfo.InvariantCulture)}"]);
                nodes.Add((node, silo));
                await node.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
            }
            await using (var setup = await LingjingApp.StartAsync(Db.Postgres, demo: false, new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = database }))
            {
                await TestUsers.CreateAsync(setup, "official@balancer.test", Roles.Government);
                foreach (var name in new[] { "ana", "ben", "cyd" }) await TestUsers.CreateAsync(setup, $"{name}@balancer.test", Roles.Employee);
            }
            await using var nginx = await NginxBalancer.StartAsync(nodes.Select(n => n.Process.BaseAddress));
            using var government = new HttpClient { BaseAddress = nginx.Address };
            government.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(nginx.Address, "official@balancer.test"));

            // Three sockets in a row: nginx's round robin puts them on different nodes.
            var spot = new Vec3 { X = 0, Y = 0, Z = 0 };
            foreach (var name in new[] { "ana", "ben", "cyd" })
            {
                var person = new Person(name, await TokenAsync(nginx.Address, $"{name}@balancer.test"));
                await person.ConnectAsync(nginx.Address, people.Count == 0 ? spot : people["ana"].At);
                if (people.Count == 0) spot = person.At = person.Client!.Welcome!.Spawn;
                people[name] = person;
            }
            var zone = await PlacementAsync(government);
            output.WriteLine($"zone owned by {zone.Owner}; people by node: {string.Join(", ", zone.People.Select(p => $"{p.Key}={p.Value}"))}");
            zone.People.Count.ShouldBeGreaterThan(1, "the three sockets landed on more than one node");
            await EveryoneSeesEveryoneMoveAsync(people.Values, nginx.Address, step: 1);
            await people["ana"].Client!.SendAsync(new ClientFrame { Chat = new ChatSend { Scope = ChatScope.World, Text = "before the failover" } });
            await people["ben"].Client!.WaitForAsync(f => f.Chat?.Text == "before the failover", Wait);
            await Task.Delay(500); // the owner saves the history at the nodes' next exchange

            var owner = nodes.FindIndex(n => zone.Owner == $"127.0.0.1:{n.SiloPort}");
            owner.ShouldBeGreaterThanOrEqualTo(0, $"the owner {zone.Owner} is one of the three nodes");
            var clock = Stopwatch.StartNew();
            nodes[owner].Process.KillNow();
            await EveryoneSeesEveryoneMoveAsync(people.Values, nginx.Address, step: 2);
            output.WriteLine($"kill -9 of the zone's owner to everyone moving again: {clock.Elapsed.TotalSeconds:0.0} s");
            var after = await UntilAsync(async () => await PlacementAsync(government) is { Owner: { } o } p && o != zone.Owner ? p : null, "another owner");
            output.WriteLine($"kill -9 to a new owner ({after.Owner}) reported: {clock.Elapsed.TotalSeconds:0.0} s");

            var late = new Person("ana", people["ana"].Token);
            await late.ConnectAsync(nginx.Address, spot);
            var history = await late.Client!.WaitForAsync(f => f.ChatHistory is not null, Wait);
            history.ChatHistory.Messages.Select(m => m.Text).ShouldContain("before the failover");
            await late.DisposeAsync();
        }
        finally
        {
            foreach (var person in people.Values) await person.DisposeAsync();
            foreach (var (node, _) in nodes) await node.DisposeAsync();
        }
    }

    /// <summary>Each person in turn takes a step; the others must see them there. Whoever lost their socket meanwhile
    /// connects again through nginx where they stood, as the browser client does.</summary>
    private static async Task EveryoneSeesEveryoneMoveAsync(IEnumerable<Person> people, Uri nginx, int step)
    {
        var everyone = people.ToList();
        await UntilAsync(async () =>
        {
            foreach (var mover in everyone)
            {
                foreach (var person in everyone) await person.EnsureConnectedAsync(nginx);
                var to = new Vec3 { X = mover.At.X + step * 100, Y = 0, Z = mover.At.Z };
                await mover.Client!.MoveAsync(to.X, to.Z);
                mover.At = to;
                foreach (var watcher in everyone.Where(p => p != mover))
                    await watcher.Client!.WaitForAsync(f => WorldTestClient.Shows(f, mover.Client.Welcome!.AvatarId, to.X, to.Z), TimeSpan.FromSeconds(3));
            }
            return true;
        }, "everyone to see everyone move");
    }

    private sealed record Placement(string? Owner, Dictionary<string, int> People);

    private static async Task<Placement> PlacementAsync(HttpClient government)
    {
        var worlds = await government.GetFromJsonAsync<JsonElement>("api/v1/operations/worlds");
        var zone = worlds.EnumerateArray().Single(w => w.GetProperty("worldId").GetString() == WorldIds.Zone);
        var owner = zone.GetProperty("owner").ValueKind == JsonValueKind.String ? zone.GetProperty("owner").GetString() : null;
        var people = zone.GetProperty("peopleByNode").EnumerateObject().Where(p => p.Value.GetInt32() > 0).ToDictionary(p => p.Name, p => p.Value.GetInt32());
        return new Placement(owner, people);
    }

    private static async Task<string> TokenAsync(Uri nginx, string email)
    {
        using var client = new HttpClient { BaseAddress = nginx };
        var response = await client.PostAsJsonAsync("api/v1/auth/token", new { email, password = TestUsers.Password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    /// <summary>Asks every 200 ms, for at most 60 s; a failed attempt (a socket closing under it) counts as not yet.</summary>
    private static async Task<T> UntilAsync<T>(Func<Task<T?>> ask, string what) where T : class
    {
        var giveUp = Stopwatch.StartNew();
        while (giveUp.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                if (await ask() is { } answer) return answer;
            }
            catch (Exception e) when (e is TimeoutException or InvalidOperationException or WebSocketException or HttpRequestException or OperationCanceledException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"Waited 60 s for {what}.");
    }

    private static Task<bool> UntilAsync(Func<Task<bool>> holds, string what) =>
        UntilAsync<object>(async () => await holds() ? true : null, what).ContinueWith(_ => true, TaskScheduler.Default);

    private sealed class Person(string name, string token) : IAsyncDisposable
    {
        public string Name { get; } = name;
        public string Token { get; } = token;
        public WorldTestClient? Client { get; private set; }
        public Vec3 At { get; set; } = new();

        public async Task ConnectAsync(Uri nginx, Vec3 at)
        {
            if (Client is not null) await Client.DisposeAsync();
            Client = null;
            Client = await WorldTestClient.JoinAsync(nginx, Token, WorldIds.Zone, at);
            At = Client.Welcome!.Spawn;
        }

        public async Task EnsureConnectedAsync(Uri nginx)
        {
            if (Client?.State != WebSocketState.Open) await ConnectAsync(nginx, At);
        }

        public async ValueTask DisposeAsync()
        {
            if (Client is not null) await Client.DisposeAsync();
        }
    }
}
