using Lingjing.World.Grid;
using Lingjing.World.Tests.Support;

namespace Lingjing.World.Tests.Grid;

public class InterestManagementTests
{
    private static readonly WorldOptions Options = TestWorld.Teleporting() with { FullRateAvatars = 10_000 };

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6, 300)] // enough clients for frames to be composed in parallel
    public void Client_sees_exactly_the_avatars_in_cells_within_its_view_radius(int seed, int clientCount = 80)
    {
        var random = new Random(seed);
        var test = new TestWorld(Options with { ComposeParallelism = 3 });
        var clients = Enumerable.Range(0, clientCount).Select(i => test.Join($"u{i}")).ToList();
        var positions = new Dictionary<uint, PositionCm>();

        for (var round = 0; round < 6; round++)
        {
            foreach (var client in clients)
            {
                // Clustered positions make crowded and empty regions both likely.
                var x = random.Next(2) == 0 ? random.Next(0, 100_001) : 40_000 + random.Next(0, 20_000);
                var z = random.Next(2) == 0 ? random.Next(0, 100_001) : 40_000 + random.Next(0, 20_000);
                if (round > 0 && random.Next(3) == 0) continue; // some stand still between rounds
                client.Move(x, z);
                positions[client.AvatarId] = new PositionCm(x, 0, z);
            }
            test.Tick();

            foreach (var client in clients)
            {
                var seen = client.Sync().Avatars.Keys.ToHashSet();
                var me = positions[client.AvatarId];
                var expected = positions.Where(p => SeesCell(test.World, me, p.Value)).Select(p => p.Key).ToHashSet();
                seen.ShouldBe(expected, ignoreOrder: true, $"seed {seed} round {round} avatar {client.AvatarId}");

                var withinRadius = positions.Where(p => Distance(me, p.Value) <= Options.ViewRadiusCm).Select(p => p.Key);
                seen.IsSupersetOf(withinRadius).ShouldBeTrue();
            }
        }
    }

    [Fact]
    public void Client_receives_the_positions_the_server_holds()
    {
        var test = new TestWorld(Options);
        var a = test.Join("a");
        var b = test.Join("b");
        a.Move(50_100, 50_200, heading: 1234);
        b.Move(50_300, 50_400);
        test.Tick();

        var state = b.Sync().Avatars[a.AvatarId];
        (state.X, state.Z, state.Heading).ShouldBe((50_100, 50_200, 1234u));
        b.Mirror.Profiles[a.AvatarId].DisplayName.ShouldBe("User a");
    }

    [Fact]
    public void Each_occupied_cell_is_encoded_once_per_tick_however_many_clients_see_it()
    {
        var test = new TestWorld(Options);
        var clients = Enumerable.Range(0, 30).Select(i => test.Join($"u{i}")).ToList();
        foreach (var (client, i) in clients.Select((c, i) => (c, i))) client.Move(50_000 + i * 10, 50_000);
        var before = test.Node.Metrics.CellsEncoded;
        test.Tick();

        (test.Node.Metrics.CellsEncoded - before).ShouldBe(1);
        clients.ShouldAllBe(c => c.Sync().Avatars.Count == 30);
    }

    [Fact]
    public void Avatar_leaving_the_view_is_forgotten_and_one_that_left_the_world_is_announced()
    {
        var test = new TestWorld(Options);
        var a = test.Join("a");
        var b = test.Join("b");
        var c = test.Join("c");
        a.Move(10_000, 10_000);
        b.Move(10_500, 10_000);
        c.Move(10_000, 10_500);
        test.Tick();
        a.Sync().Avatars.Keys.ShouldBe([a.AvatarId, b.AvatarId, c.AvatarId], ignoreOrder: true);

        b.Move(90_000, 90_000);
        c.Session.Disconnected();
        test.Tick();

        a.Sync().Avatars.Keys.ShouldBe([a.AvatarId]);
        a.Connection.Received(f => f.AvatarsLeft).SelectMany(l => l.AvatarIds).ShouldBe([c.AvatarId]);
    }

    [Fact]
    public void Without_interest_management_every_client_gets_every_avatar_in_full_snapshots()
    {
        var test = new TestWorld(Options with { InterestManagement = false });
        var a = test.Join("a");
        var b = test.Join("b");
        a.Move(1_000, 1_000);
        b.Move(99_000, 99_000);
        test.Tick();
        test.Tick();

        a.Sync().Avatars.Keys.ShouldBe([a.AvatarId, b.AvatarId], ignoreOrder: true);
        a.Connection.Received(f => f.Snapshot).ShouldAllBe(s => s.Full);
    }

    [Fact]
    public void Crowded_view_sends_far_cells_at_reduced_rate_and_they_still_converge()
    {
        var options = TestWorld.Teleporting() with { FullRateAvatars = 5, ReducedRateDivisor = 3 };
        var test = new TestWorld(options);
        var viewer = test.Join("viewer");
        var near = Enumerable.Range(0, 5).Select(i => test.Join($"near{i}")).ToList();
        var far = test.Join("far");
        viewer.Move(50_000, 50_000);
        foreach (var (c, i) in near.Select((c, i) => (c, i))) c.Move(50_000 + i, 50_100);
        far.Move(50_000 + 4_500, 50_000);
        test.Tick();
        test.Tick();
        viewer.Sync().Avatars.ContainsKey(far.AvatarId).ShouldBeTrue();

        var updatesOfFar = 0;
        for (var i = 0; i < 9; i++)
        {
            far.Move(54_500 - (i + 1) * 10, 50_000);
            foreach (var (c, j) in near.Select((c, j) => (c, j))) c.Move(50_000 + j + (i + 1) * 10, 50_100);
            viewer.Connection.Clear();
            test.Tick();
            var snapshot = viewer.Connection.Received(f => f.Snapshot).Single();
            if (snapshot.Cells.Any(cell => cell.Avatars.Any(a => a.Id == far.AvatarId))) updatesOfFar++;
            snapshot.Cells.SelectMany(cell => cell.Avatars).Count(a => near.Any(n => n.AvatarId == a.Id)).ShouldBe(5);
        }
        updatesOfFar.ShouldBe(3);
    }

    private static bool SeesCell(VirtualWorld world, PositionCm viewer, PositionCm other)
    {
        var a = world.Grid.CellOf(viewer.X, viewer.Z);
        var b = world.Grid.CellOf(other.X, other.Z);
        var radius = (long)Options.ViewRadiusCm;
        return ViewPattern.GapSquared(b.X - a.X, b.Z - a.Z, world.Grid.CellSizeCm) <= radius * radius;
    }

    private static double Distance(PositionCm a, PositionCm b) =>
        Math.Sqrt(Math.Pow(a.X - b.X, 2) + Math.Pow(a.Z - b.Z, 2));
}
