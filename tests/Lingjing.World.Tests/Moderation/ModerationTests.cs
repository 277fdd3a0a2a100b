using Lingjing.World.Protocol;
using Lingjing.World.Tests.Support;

namespace Lingjing.World.Tests.Moderation;

public class ModerationTests
{
    [Fact]
    public void Muted_user_is_told_and_cannot_chat_until_the_mute_expires()
    {
        var test = new TestWorld();
        var loud = test.Join("loud");
        var listener = test.Join("listener");
        test.World.Mute("loud", TimeSpan.FromMinutes(1));

        var notice = loud.Connection.Received(f => f.Muted).Single();
        notice.UntilMs.ShouldBe((ulong)(test.Time.GetUtcNow() + TimeSpan.FromMinutes(1)).ToUnixTimeMilliseconds());

        loud.Chat("can you hear me", ChatScope.World);
        test.Tick();
        listener.ChatsReceived().ShouldBeEmpty();
        loud.Connection.Received(f => f.Muted).Count().ShouldBe(2);

        test.Tick(TimeSpan.FromSeconds(61));
        loud.Chat("and now?", ChatScope.World);
        test.Tick();
        listener.ChatsReceived().Select(c => c.Text).ShouldBe(["and now?"]);
    }

    [Fact]
    public void Removed_user_is_kicked_with_4003_disappears_and_cannot_come_back()
    {
        var test = new TestWorld();
        var troll = test.Join("troll");
        var other = test.Join("other");
        test.Tick();
        other.Sync().Avatars.ShouldContainKey(troll.AvatarId);

        test.World.Remove("troll");
        test.Tick();

        troll.Connection.Received(f => f.Kicked).Single().Reason.ShouldBe("removed by an operator");
        troll.Connection.CloseCode.ShouldBe(WorldCloseCodes.Removed);
        other.Sync().Avatars.ShouldNotContainKey(troll.AvatarId);
        other.Connection.Received(f => f.AvatarsLeft).SelectMany(l => l.AvatarIds).ShouldContain(troll.AvatarId);
        test.World.Population.ShouldBe(1);

        var again = test.Connect("troll");
        again.Hello(TestWorld.WorldId);
        again.Session.CloseCode.ShouldBe(WorldCloseCodes.Removed);

        test.Tick(TimeSpan.FromMinutes(11));
        var later = test.Join("troll");
        later.Session.IsClosed.ShouldBeFalse();
    }

    [Fact]
    public void Second_connection_of_the_same_user_replaces_the_first_with_4004()
    {
        var test = new TestWorld();
        var first = test.Join("same");
        var second = test.Join("same");
        test.Tick();

        first.Connection.CloseCode.ShouldBe(WorldCloseCodes.Replaced);
        second.Session.IsClosed.ShouldBeFalse();
        test.World.Population.ShouldBe(1);
        test.World.SessionOf("same").ShouldBe(second.Session);
    }
}
