using Lingjing.World.Protocol;
using Lingjing.World.Tests.Support;

namespace Lingjing.World.Tests.Sessions;

public class BackpressureTests
{
    [Fact]
    public async Task Slow_client_loses_stale_snapshots_and_then_receives_the_newest_full_state()
    {
        var test = new TestWorld(TestWorld.Teleporting());
        var viewer = test.Join("viewer");
        var mover = test.Join("mover");
        test.Tick();
        viewer.Connection.Stall();

        for (var i = 1; i <= 20; i++)
        {
            mover.Move(50_000 + i * 10, 50_000);
            test.Tick();
        }
        // One snapshot in flight, one waiting; the 18 in between were replaced by newer ones.
        test.Node.Metrics.FramesDropped.ShouldBe(18);
        viewer.Session.Outbox.QueuedBytes.ShouldBeLessThan(1_000);

        viewer.Connection.Resume();
        await Eventually.True(() => viewer.Session.Outbox.QueuedBytes == 0 && !viewer.Session.Outbox.HasQueuedSnapshot,
            "the queued snapshot is sent after the client catches up");
        var last = viewer.Connection.Received(f => f.Snapshot).Last();
        last.Full.ShouldBeTrue();
        viewer.Sync().Avatars[mover.AvatarId].X.ShouldBe(50_200);
        viewer.Session.IsClosed.ShouldBeFalse();
        viewer.Connection.ConcurrentUseDetected.ShouldBeFalse();
    }

    [Fact]
    public void Client_stalled_longer_than_the_frame_age_limit_is_closed_with_4008()
    {
        var test = new TestWorld(TestWorld.Teleporting() with { MaxQueuedFrameAge = TimeSpan.FromSeconds(5) });
        var viewer = test.Join("viewer");
        var mover = test.Join("mover");
        viewer.Connection.Stall();
        for (var i = 1; i <= 70 && !viewer.Session.IsClosed; i++)
        {
            mover.Move(50_000 + i, 50_000);
            test.Tick();
        }
        viewer.Session.CloseCode.ShouldBe(WorldCloseCodes.TooSlow);
        mover.Session.IsClosed.ShouldBeFalse();
    }

    [Fact]
    public void Reliable_frames_beyond_the_byte_budget_close_the_connection_instead_of_growing_the_queue()
    {
        var test = new TestWorld(new WorldOptions { MaxQueuedBytesPerConnection = 4_096, ChatBurst = 1_000, ChatPerMinute = 60_000 });
        var viewer = test.Join("viewer");
        var talker = test.Join("talker");
        viewer.Connection.Stall();
        for (var i = 0; i < 200 && !viewer.Session.IsClosed; i++)
        {
            talker.Chat(new string('x', 200), ChatScope.World);
            test.Tick();
            viewer.Session.Outbox.QueuedBytes.ShouldBeLessThanOrEqualTo(4_096);
        }
        viewer.Session.CloseCode.ShouldBe(WorldCloseCodes.TooSlow);
        talker.Session.IsClosed.ShouldBeFalse();
    }

    [Fact]
    public async Task Closing_a_client_that_stopped_reading_queues_the_close_behind_its_stuck_send_instead_of_resetting_it()
    {
        var test = new TestWorld(TestWorld.Teleporting() with { MaxQueuedFrameAge = TimeSpan.FromSeconds(5) });
        var viewer = test.Join("viewer");
        var mover = test.Join("mover");
        viewer.Connection.Stall();
        for (var i = 1; i <= 70 && !viewer.Session.IsClosed; i++)
        {
            mover.Move(50_000 + i, 50_000);
            test.Tick();
        }
        viewer.Session.CloseCode.ShouldBe(WorldCloseCodes.TooSlow);
        viewer.Connection.SendsCancelled.ShouldBe(0);
        viewer.Connection.CloseCode.ShouldBeNull();

        // The client reads again within the grace period: it gets what was in flight, then the close frame.
        viewer.Connection.Resume();
        await viewer.Session.Completion.WaitAsync(TimeSpan.FromSeconds(10));
        viewer.Connection.CloseCode.ShouldBe(WorldCloseCodes.TooSlow);
        viewer.Connection.SendsCancelled.ShouldBe(0);
        mover.Session.IsClosed.ShouldBeFalse();
    }
}
