using Lingjing.World.Protocol;
using Lingjing.World.Tests.Support;

namespace Lingjing.World.Tests.Movement;

public class AuthoritativeMovementTests
{
    [Fact]
    public void Input_faster_than_the_max_speed_is_clamped_to_it()
    {
        var test = new TestWorld(new WorldOptions { MaxSpeedCmPerSecond = 1_200 });
        var a = test.Join("a");
        a.Move(60_000, 50_000); // 100 m in one tenth of a second
        test.Tick(TimeSpan.FromMilliseconds(100));

        var me = a.Sync().Avatars[a.AvatarId];
        me.X.ShouldBeInRange(50_100, 50_000 + (int)(1_200 * 0.1 * 1.1));
        me.Z.ShouldBe(50_000);
        a.Mirror.LastAck.ShouldBe(1u);
    }

    [Fact]
    public void Input_at_walking_speed_is_applied_as_sent()
    {
        var test = new TestWorld(new WorldOptions { MaxSpeedCmPerSecond = 1_200 });
        var a = test.Join("a");
        for (var i = 1; i <= 10; i++)
        {
            a.Move(50_000 + i * 100, 50_000);
            test.Tick(TimeSpan.FromMilliseconds(100));
        }
        a.Sync().Avatars[a.AvatarId].X.ShouldBe(51_000);
    }

    [Fact]
    public void Input_outside_the_world_bounds_is_clamped_to_the_edge()
    {
        var test = new TestWorld(TestWorld.Teleporting());
        var a = test.Join("a");
        a.Move(-5_000, 200_000, y: 99_999);
        test.Tick();

        var me = a.Sync().Avatars[a.AvatarId];
        (me.X, me.Y, me.Z).ShouldBe((0, 10_000, 100_000));
    }

    [Fact]
    public void Movement_rules_never_exceed_the_allowed_step()
    {
        var random = new Random(7);
        var bounds = TestWorld.Bounds;
        for (var i = 0; i < 10_000; i++)
        {
            var from = new PositionCm(random.Next(0, 100_001), random.Next(0, 10_001), random.Next(0, 100_001));
            var to = new PositionCm(random.Next(-200_000, 200_000), random.Next(-20_000, 20_000), random.Next(-200_000, 200_000));
            var max = random.NextDouble() * 5_000;
            var result = MovementRules.Limit(from, to, max, bounds);
            bounds.Contains(result).ShouldBeTrue();
            var step = Math.Sqrt(Math.Pow(result.X - from.X, 2) + Math.Pow(result.Y - from.Y, 2) + Math.Pow(result.Z - from.Z, 2));
            step.ShouldBeLessThanOrEqualTo(max + 1e-6);
        }
    }

    [Fact]
    public void Welcome_tells_the_client_its_avatar_the_bounds_and_the_rates()
    {
        var test = new TestWorld();
        var a = test.Join("a");
        var welcome = a.Connection.Received(f => f.Welcome).Single();

        welcome.AvatarId.ShouldBe(a.AvatarId);
        welcome.TickRateHz.ShouldBe(10u);
        welcome.ViewRadiusCm.ShouldBe(5_000u);
        welcome.Bounds.MaxX.ShouldBe(100_000);
        welcome.Spawn.ShouldBe(new Vec3 { X = 50_000, Z = 50_000 });
        welcome.Limits.MaxFrameBytes.ShouldBe(2_048u);
    }
}
