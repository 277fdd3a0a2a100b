using Lingjing.World.Protocol;
using Lingjing.World.Tests.Support;

namespace Lingjing.World.Tests.Admission;

/// <summary>What others are told about a person who arrives: their enterprise for the name tag, and their look
/// (body shape and uploaded model included) as the server read it.</summary>
public class AvatarProfileTests
{
    [Fact]
    public void Profile_carries_the_affiliation_as_plain_text_and_the_look_with_shape_and_model()
    {
        var test = new TestWorld();
        var look = new AvatarLook { Model = "business", Shape = "broad", ModelUrl = "/api/v1/world/avatar-models/abc.glb", BodyColor = 0xE8B796 };
        var watcher = test.Join("watcher");
        var arrival = test.Connect(new WorldUser("arrival", "Li Na", look) { Affiliation = "Inkstone\u202E Design\u0007" });
        arrival.Hello(TestWorld.WorldId);
        test.Tick();
        test.Tick();

        var profile = watcher.Connection.Received(f => f.AvatarsJoined).SelectMany(j => j.Avatars).Single(a => a.DisplayName == "Li Na");
        profile.Affiliation.ShouldBe("Inkstone Design");
        profile.Look.Shape.ShouldBe("broad");
        profile.Look.ModelUrl.ShouldBe("/api/v1/world/avatar-models/abc.glb");
    }

    [Fact]
    public void Person_without_an_affiliation_has_an_empty_one()
    {
        var test = new TestWorld();
        var watcher = test.Join("watcher");
        var arrival = test.Connect(new WorldUser("loner", "Loner", new AvatarLook()));
        arrival.Hello(TestWorld.WorldId);
        test.Tick();
        test.Tick();

        watcher.Connection.Received(f => f.AvatarsJoined).SelectMany(j => j.Avatars).Single(a => a.DisplayName == "Loner").Affiliation.ShouldBeEmpty();
    }
}
