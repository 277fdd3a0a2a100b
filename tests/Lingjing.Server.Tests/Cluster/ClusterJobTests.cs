using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Bookings;
using Lingjing.Server.Features.Notifications;
using Lingjing.Server.Infrastructure.Cluster;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lingjing.Server.Tests.Cluster;

/// <summary>Three nodes over one PostgreSQL database form one Orleans cluster, and a job that must run once per cluster
/// runs on one of them at a time: the others keep its clock but skip their turns, and its effects happen once.</summary>
public sealed class ClusterJobTests
{
    private const string Housekeeping = "booking-housekeeping";

    /// <summary>Housekeeping every second, on every node.</summary>
    private static readonly Dictionary<string, string?> FastHousekeeping = new() { ["Lingjing:Bookings:HousekeepingInterval"] = "00:00:01" };

    [Fact]
    public async Task Three_nodes_form_one_cluster_and_a_job_runs_on_one_node_at_a_time_with_its_effect_once()
    {
        await using var cluster = await ClusterNodesHarness.StartAsync(3, FastHousekeeping);
        var jobs = cluster.Job(Housekeeping);
        var booking = await BookingStartingSoonAsync(cluster.Nodes[0]);
        var before = jobs.Sum(j => j.Status.Runs);
        await ClusterNodesHarness.UntilAsync(() => jobs.Sum(j => j.Status.Runs) >= before + 3 && jobs.All(j => j.Status.RunsOn is not null),
            "three more runs of the housekeeping after the booking, each node having asked whose turn it is");

        var owner = jobs.Single(j => j.Status.RunsHere);
        jobs.Select(j => j.Status.RunsOn).Distinct().ShouldHaveSingleItem("every node names the same node as the one that runs it");
        foreach (var other in jobs.Where(j => j != owner))
        {
            other.Status.Runs.ShouldBe(0, "a node that does not own the job never runs it");
            other.Status.Skipped.ShouldBeGreaterThan(0);
        }

        await using var scope = cluster.Nodes[1].Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
        (await db.Set<Booking>().SingleAsync(b => b.Id == booking.Id)).RemindedAt.ShouldNotBeNull();
        (await db.Set<Notification>().CountAsync(n => n.UserId == booking.UserId && n.Kind == "booking.reminder")).ShouldBe(1);
    }

    [Fact]
    public async Task When_the_node_that_runs_a_job_leaves_another_node_takes_it_over()
    {
        await using var cluster = await ClusterNodesHarness.StartAsync(3, FastHousekeeping);
        var jobs = cluster.Job(Housekeeping);
        await ClusterNodesHarness.UntilAsync(() => jobs.Any(j => j.Status.Runs > 0), "the first run");
        var leaving = jobs.FindIndex(j => j.Status.RunsHere);

        await cluster.Nodes[leaving].DisposeAsync();
        var staying = Enumerable.Range(0, 3).Where(i => i != leaving).ToList();
        cluster.Nodes.RemoveAt(leaving);
        await ClusterNodesHarness.UntilAsync(() => staying.Any(i => jobs[i].Status.Runs > 0), "a staying node to run the job");
        var runner = staying.Single(i => jobs[i].Status.Runs > 0);
        await ClusterNodesHarness.UntilAsync(() => staying.All(i => jobs[i].Status.RunsOn == jobs[runner].Status.RunsOn),
            "both staying nodes to name the node that runs it now");
        staying.Where(i => i != runner).ShouldAllBe(i => jobs[i].Status.Runs == 0 && !jobs[i].Status.RunsHere);
    }

    [Fact]
    public async Task Health_and_the_operations_api_show_the_nodes_and_which_runs_each_job()
    {
        await using var cluster = await ClusterNodesHarness.StartAsync(2);
        var health = await cluster.Nodes[1].Anonymous().GetFromJsonAsync<JsonElement>("/health");
        var check = health.GetProperty("checks").GetProperty("cluster");
        check.GetProperty("status").GetString().ShouldBe("Healthy");
        check.GetProperty("data").GetProperty("mode").GetString().ShouldBe("cluster");
        check.GetProperty("data").GetProperty("nodes").GetArrayLength().ShouldBe(2);

        await TestUsers.CreateAsync(cluster.Nodes[0], "gov@cluster.test", Roles.Government);
        var gov = await cluster.Nodes[0].SignedInAsync("gov@cluster.test", TestUsers.Password);
        var view = await gov.GetFromJsonAsync<JsonElement>("/api/v1/operations/nodes");
        view.GetProperty("clustered").GetBoolean().ShouldBeTrue();
        view.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("name").GetString())
            .ShouldBe(cluster.Nodes.Select(n => n.Service<ClusterNodes>().Here), ignoreOrder: true);
        view.GetProperty("nodes")[0].GetProperty("here").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Alone_the_process_is_a_one_node_cluster_that_runs_its_jobs_itself()
    {
        var app = await SharedApps.Blank(Db.Sqlite);
        var check = (await app.Anonymous().GetFromJsonAsync<JsonElement>("/health")).GetProperty("checks").GetProperty("cluster");
        check.GetProperty("status").GetString().ShouldBe("Healthy");
        check.GetProperty("data").GetProperty("mode").GetString().ShouldBe("single");
        check.GetProperty("data").GetProperty("nodes").GetArrayLength().ShouldBe(1);
        (await app.Anonymous().GetAsync("/health/ready")).IsSuccessStatusCode.ShouldBeTrue();
        var housekeeping = app.Services.GetServices<Lingjing.Server.Infrastructure.Jobs.RecurringJob>().Single(j => j.Name == Housekeeping);
        housekeeping.Status.RunsHere.ShouldBeTrue();
        housekeeping.Status.Skipped.ShouldBe(0);
    }

    /// <summary>A confirmed booking starting in 30 minutes, inside the reminder's hour: due for a reminder at the
    /// housekeeping's next run.</summary>
    private static async Task<Booking> BookingStartingSoonAsync(LingjingApp node)
    {
        await using var scope = node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
        var park = ZoneRows.Park("Cluster Park");
        db.Add(park);
        await db.SaveChangesAsync();
        var space = ZoneRows.Space(park.Id, "Cluster Room");
        db.Add(space);
        await db.SaveChangesAsync();
        var user = await TestUsers.CreateAsync(node, "booker@cluster.test", Roles.Employee, park.Id);
        var starts = TestClock.Now.UtcDateTime.AddMinutes(30);
        var booking = new Booking
        {
            Id = Guid.NewGuid(), SpaceId = space.Id, UserId = user.Id, StartsAt = starts, EndsAt = starts.AddHours(1),
            HeldUntil = starts.AddHours(1), Purpose = "Cluster test", CheckInCode = "CLUSTER1", CreatedAt = TestClock.Now.UtcDateTime,
        };
        db.Add(booking);
        await db.SaveChangesAsync();
        return booking;
    }
}
