using Lingjing.World.Chat;
using Lingjing.World.Protocol;
using Lingjing.World.Tests.Support;

namespace Lingjing.World.Tests.Chat;

public class ChatTests
{
    [Fact]
    public void Nearby_chat_reaches_only_avatars_within_the_chat_radius()
    {
        var test = new TestWorld(TestWorld.Teleporting());
        var speaker = test.Join("speaker");
        var near = test.Join("near");
        var far = test.Join("far");
        speaker.Move(50_000, 50_000);
        near.Move(51_500, 50_000);
        far.Move(52_500, 50_000); // within sight, beyond the 20 m chat radius
        test.Tick();

        speaker.Chat("hello there");
        test.Tick();

        speaker.ChatsReceived().Select(c => c.Text).ShouldBe(["hello there"]);
        var heard = near.ChatsReceived().Single();
        (heard.Text, heard.SenderId, heard.SenderName, heard.Scope).ShouldBe(("hello there", speaker.AvatarId, "User speaker", ChatScope.Nearby));
        far.ChatsReceived().ShouldBeEmpty();
    }

    [Fact]
    public void World_chat_reaches_everyone_and_joiners_get_the_recent_history_in_order()
    {
        var test = new TestWorld(TestWorld.Teleporting() with { ChatHistorySize = 3 });
        var speaker = test.Join("speaker");
        var far = test.Join("far");
        far.Move(1_000, 1_000);
        for (var i = 1; i <= 5; i++) speaker.Chat($"announcement {i}", ChatScope.World);
        speaker.Chat("just for the neighbours");
        test.Tick();

        far.ChatsReceived().Select(c => c.Text).ShouldBe(Enumerable.Range(1, 5).Select(i => $"announcement {i}"));

        var joiner = test.Join("joiner");
        var history = joiner.Connection.Received(f => f.ChatHistory).Single();
        history.Messages.Select(m => m.Text).ShouldBe(["announcement 3", "announcement 4", "announcement 5"]);
    }

    [Fact]
    public void Chat_text_loses_control_characters_and_stays_plain_text()
    {
        var test = new TestWorld();
        var a = test.Join("a");
        a.Chat("  <b>hi</b>\u0007 \u202Eevil\nnext\u0000line  ");
        test.Tick();
        a.ChatsReceived().Single().Text.ShouldBe("<b>hi</b> evil nextline");
    }

    [Theory]
    [InlineData("\u0001\u0002   \u202E", ChatRejectReason.Empty)]
    [InlineData(null, ChatRejectReason.TooLong)]
    public void Empty_or_too_long_chat_is_rejected_and_not_delivered(string? text, ChatRejectReason reason)
    {
        var test = new TestWorld();
        var a = test.Join("a");
        a.Chat(text ?? new string('长', 281));
        test.Tick();
        a.Connection.Received(f => f.ChatRejected).Single().Reason.ShouldBe(reason);
        a.ChatsReceived().ShouldBeEmpty();
        a.Session.IsClosed.ShouldBeFalse();
    }

    [Fact]
    public void Sanitizing_keeps_emoji_and_chinese_intact()
    {
        ChatText.Sanitize("你好 👋🏽 👨‍👩‍👧").ShouldBe("你好 👋🏽 👨‍👩‍👧");
    }

    [Fact]
    public void Emote_is_shown_to_those_who_can_see_the_avatar()
    {
        var test = new TestWorld(TestWorld.Teleporting());
        var a = test.Join("a");
        var near = test.Join("near");
        var far = test.Join("far");
        far.Move(1_000, 1_000);
        test.Tick();
        a.Send(new ClientFrame { Emote = new EmoteSend { Emote = 3 } });
        test.Tick();

        near.Connection.Received(f => f.Emote).Single().ShouldBe(new EmotePlayed { AvatarId = a.AvatarId, Emote = 3 });
        far.Connection.Received(f => f.Emote).ShouldBeEmpty();
    }
}
