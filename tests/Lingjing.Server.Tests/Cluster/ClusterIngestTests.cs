using System.Buffers;
using Lingjing.Server.Features.Twins.Ingest;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lingjing.Server.Tests.Cluster;

/// <summary>Telemetry accepted on every node at once: each node's writer numbers its rows in a range of its own, a
/// batch a device sends again through another node (its first node died before answering) is stored once, and the
/// rollups count every reading once.</summary>
public sealed class ClusterIngestTests
{
    private const int Series = 900_001;

    [Fact]
    public async Task Two_nodes_write_at_once_and_a_batch_sent_again_through_the_other_node_is_stored_and_rolled_up_once()
    {
        await using var cluster = await ClusterNodesHarness.StartAsync(2);
        var start = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        // Each node takes 5 batches of 200 readings of its own, both at once; then the same batch through both.
        var own = cluster.Nodes.SelectMany((node, n) => Enumerable.Range(0, 5).Select(b =>
            WriteAsync(node, Enumerable.Range(0, 200).Select(i => start + (n * 5 + b) * 200_000L + i * 1_000L)))).ToList();
        await Task.WhenAll(own);
        var again = Enumerable.Range(0, 50).Select(i => start + 5_000_000L + i * 1_000L).ToList();
        await WriteAsync(cluster.Nodes[0], again);
        await WriteAsync(cluster.Nodes[1], again);

        await using var scope = cluster.Nodes[0].Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
        var rows = await db.Database.SqlQuery<long>($"SELECT seq AS \"Value\" FROM telemetry_raw WHERE series_id = {Series}").ToListAsync();
        rows.Count.ShouldBe(2_000 + 50, "every reading once, the batch sent twice included");
        rows.Distinct().Count().ShouldBe(rows.Count, "no two rows share a sequence number");
        var marks = await db.Database.SqlQuery<string>($"SELECT key AS \"Value\" FROM telemetry_marks WHERE key LIKE 'raw_seq:%'").ToListAsync();
        marks.Count.ShouldBe(2, "one writer range per node");

        await cluster.Nodes[1].Service<TelemetryMaintenance>().RollUpAsync(CancellationToken.None);
        var counted = await db.Database.SqlQuery<long>($"SELECT COALESCE(SUM(count), 0) AS \"Value\" FROM telemetry_minute WHERE series_id = {Series}").SingleAsync();
        counted.ShouldBe(2_050);
    }

    [Theory, BothDatabases]
    public async Task A_batch_written_twice_is_stored_once(Db db)
    {
        var app = await SharedApps.Blank(db);
        var series = Random.Shared.Next(1_000_000, 2_000_000);
        var stamps = Enumerable.Range(0, 300).Select(i => 1_700_000_000_000L + i * 1_000L).ToList();
        await WriteAsync(app, stamps, series);
        await WriteAsync(app, stamps[100..].Concat(stamps.Select(t => t + 300_000L)), series);

        await using var scope = app.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<LingjingDbContext>().Database
            .SqlQuery<long>($"SELECT ts AS \"Value\" FROM telemetry_raw WHERE series_id = {series}").ToListAsync();
        rows.Count.ShouldBe(600);
    }

    /// <summary>Queues readings on a node's writer as its ingest endpoints do, and waits until they are durable.</summary>
    private static async Task WriteAsync(LingjingApp node, IEnumerable<long> stamps, int series = Series)
    {
        var list = stamps.ToList();
        var points = ArrayPool<TelemetryPoint>.Shared.Rent(list.Count);
        for (var i = 0; i < list.Count; i++) points[i] = new TelemetryPoint(series, list[i], i);
        var batch = new IngestBatch(points, list.Count, System.Diagnostics.Stopwatch.GetTimestamp());
        node.Service<TelemetryQueue>().TryEnqueue(batch).ShouldBeTrue();
        await batch.Durable;
    }
}
