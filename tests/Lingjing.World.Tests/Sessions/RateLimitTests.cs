using Lingjing.World.Protocol;
using Lingjing.World.Tests.Support;

namespace Lingjing.World.Tests.Sessions;

public class RateLimitTests
{
    [Fact]
    public void Input_flood_is_throttled_then_closed_with_4029()
    {
        var test = new TestWorld();
        var a = test.Join("a");
        var sent = 0;
        while (!a.Session.IsClosed && sent < 10_000)
        {
            a.Move(50_000, 50_000 + sent % 100);
            sent++;
        }

        a.Session.CloseCode.ShouldBe(WorldCloseCodes.RateLimited);
        a.Connection.CloseCode.ShouldBe(WorldCloseCodes.RateLimited);
        sent.ShouldBeGreaterThan(new WorldOptions().InputBurst);
        test.Tick();
        test.World.Population.ShouldBe(0);
    }

    [Fact]
    public void Input_at_twenty_hertz_is_never_throttled()
    {
        var test = new TestWorld();
        var a = test.Join("a");
        for (var i = 1; i <= 600; i++)
        {
            a.Move(50_000 + i % 50, 50_000);
            test.Time.Advance(TimeSpan.FromMilliseconds(50));
            if (i % 2 == 0) test.Node.Tick();
        }
        a.Session.IsClosed.ShouldBeFalse();
        a.Sync().LastAck.ShouldBe(600u);
    }

    [Fact]
    public void Chat_flood_is_rejected_as_too_fast_then_closed()
    {
        var test = new TestWorld();
        var a = test.Join("a");
        for (var i = 0; i < 5; i++) a.Chat($"hello {i}");
        a.Chat("one too many");
        a.Connection.Received(f => f.ChatRejected).Single().Reason.ShouldBe(ChatRejectReason.TooFast);
        a.Session.IsClosed.ShouldBeFalse();

        for (var i = 0; i < 100 && !a.Session.IsClosed; i++) a.Chat("spam");
        a.Session.CloseCode.ShouldBe(WorldCloseCodes.RateLimited);
    }

    [Fact]
    public void Ping_is_answered_with_pong_echoing_the_client_time()
    {
        var test = new TestWorld();
        var a = test.Connect("a");
        a.Send(new ClientFrame { Ping = new Ping { ClientTimeMs = 4242 } });
        var pong = a.Connection.Received(f => f.Pong).Single();
        pong.ClientTimeMs.ShouldBe(4242u);
        pong.ServerTimeMs.ShouldBe((ulong)test.Time.GetUtcNow().ToUnixTimeMilliseconds());
    }
}
