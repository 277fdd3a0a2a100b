using Lingjing.World.Protocol;
using Lingjing.World.Tests.Support;

namespace Lingjing.World.Tests.Admission;

public class AdmissionTests
{
    private const string Closed = "park-2";

    private static TestWorld WithClosedPark()
    {
        var test = new TestWorld();
        test.Node.AddWorld(new WorldDefinition(Closed, TestWorld.Bounds, new PositionCm(50_000, 0, 50_000), AllowGuests: false));
        return test;
    }

    private static WorldUser User(string id, WorldAccess inClosedPark, string name = "Wang Wei", string? affiliation = null) =>
        new(id, name, new AvatarLook())
        {
            AccessTo = world => world == Closed ? inClosedPark : WorldAccess.Guest,
            Affiliation = affiliation,
        };

    [Fact]
    public void Invited_guest_enters_a_world_that_does_not_admit_guests_and_is_shown_as_a_guest()
    {
        var test = WithClosedPark();
        var member = test.Connect(User("member", WorldAccess.Member, "Member"));
        member.Hello(Closed);
        var invited = test.Connect(User("invited", WorldAccess.InvitedGuest, "Invited"));
        invited.Hello(Closed);
        test.Tick();
        test.Tick();

        invited.Session.IsClosed.ShouldBeFalse();
        var profiles = member.Connection.Received(f => f.AvatarsJoined).SelectMany(j => j.Avatars).ToDictionary(a => a.DisplayName);
        profiles["Invited"].Guest.ShouldBeTrue();
        profiles["Member"].Guest.ShouldBeFalse();
    }

    [Fact]
    public void Person_who_is_a_guest_in_one_world_only_is_refused_there_with_4006_and_admitted_where_guests_are()
    {
        var test = WithClosedPark();
        var outsider = test.Connect(User("outsider", WorldAccess.Guest));
        outsider.Hello(Closed);
        outsider.Connection.CloseCode.ShouldBe(WorldCloseCodes.NotAdmitted);

        var again = test.Connect(User("outsider", WorldAccess.Guest));
        again.Hello(TestWorld.WorldId); // this world allows guests
        test.Tick();
        again.Session.IsClosed.ShouldBeFalse();
        again.Session.Access.ShouldBe(WorldAccess.Guest);
    }

    [Fact]
    public void Zone_wide_ban_removes_the_user_from_every_world_and_bars_them_from_all_including_new_ones()
    {
        var test = WithClosedPark();
        var troll = test.Join("troll");
        var other = test.Join("other");

        var until = test.Node.BanEverywhere("troll", TimeSpan.FromMinutes(30));
        test.Tick();

        until.ShouldBe(test.Time.GetUtcNow() - TimeSpan.FromMilliseconds(100) + TimeSpan.FromMinutes(30));
        troll.Connection.Received(f => f.Kicked).Single().Reason.ShouldBe("removed from every world of the zone");
        troll.Connection.CloseCode.ShouldBe(WorldCloseCodes.Removed);
        other.Session.IsClosed.ShouldBeFalse();

        test.Node.AddWorld(new WorldDefinition("park-3", TestWorld.Bounds, new PositionCm(0, 0, 0)));
        foreach (var world in new[] { TestWorld.WorldId, "park-3" })
        {
            var attempt = test.Connect("troll");
            attempt.Hello(world);
            attempt.Connection.CloseCode.ShouldBe(WorldCloseCodes.Removed);
            attempt.Connection.CloseReason.ShouldBe("barred from every world of the zone");
        }

        test.Node.LiftBanEverywhere("troll");
        var back = test.Connect("troll");
        back.Hello("park-3");
        back.Session.IsClosed.ShouldBeFalse();
    }

    [Fact]
    public void Zone_wide_ban_ends_when_its_time_is_up()
    {
        var test = new TestWorld();
        test.Node.BanEverywhere("troll", TimeSpan.FromMinutes(5));
        test.Tick(TimeSpan.FromMinutes(6));
        var back = test.Connect("troll");
        back.Hello(TestWorld.WorldId);
        back.Session.IsClosed.ShouldBeFalse();
    }

    [Fact]
    public void People_with_the_same_name_are_told_apart_by_their_enterprise_or_a_number()
    {
        var test = new TestWorld();
        var first = test.Connect(User("u1", WorldAccess.Guest, affiliation: "Acme Studio"));
        var second = test.Connect(User("u2", WorldAccess.Guest, affiliation: "Blue Pixel"));
        var third = test.Connect(User("u3", WorldAccess.Guest, affiliation: "Blue Pixel"));
        var fourth = test.Connect(User("u4", WorldAccess.Guest));
        foreach (var client in new[] { first, second, third, fourth })
        {
            client.Hello(TestWorld.WorldId);
            test.Tick();
        }
        test.Tick();

        var names = first.Connection.Received(f => f.AvatarsJoined).SelectMany(j => j.Avatars).Select(a => a.DisplayName).ToList();
        names.ShouldBe(["Wang Wei", "Wang Wei (Blue Pixel)", "Wang Wei #2", "Wang Wei #3"], ignoreOrder: true);

        second.Chat("hello", ChatScope.World);
        test.Tick();
        first.ChatsReceived().Single().SenderName.ShouldBe("Wang Wei (Blue Pixel)");

        // A name is free again once its holder has left.
        second.Session.Disconnected();
        test.Tick();
        var fifth = test.Connect(User("u5", WorldAccess.Guest, affiliation: "Blue Pixel"));
        fifth.Hello(TestWorld.WorldId);
        test.Tick();
        test.Tick();
        first.Connection.Received(f => f.AvatarsJoined).SelectMany(j => j.Avatars).Single(a => a.Id == fifth.AvatarId)
            .DisplayName.ShouldBe("Wang Wei (Blue Pixel)");
    }
}
