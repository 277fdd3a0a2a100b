using Lingjing.World.Tests.Support;

namespace Lingjing.World.Tests.Sessions;

/// <summary>A world for a while (a meeting's room) leaves the node once it has stood empty for its idle time, so a
/// node that hosts many meetings a day does not keep them all; parks stay.</summary>
public class ClosingEmptyWorldTests
{
    private const string Meeting = "meeting-1";
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(10);

    private static TestWorld WithMeetingRoom()
    {
        var test = new TestWorld();
        test.Node.AddWorld(new WorldDefinition(Meeting, TestWorld.Bounds, new PositionCm(50_000, 0, 50_000)) { CloseWhenEmptyFor = Idle });
        return test;
    }

    [Fact]
    public void An_empty_meeting_room_is_removed_after_its_idle_time_and_a_park_never()
    {
        var test = WithMeetingRoom();
        var person = test.Connect("a");
        person.Hello(Meeting);
        test.Tick();
        test.Tick(TimeSpan.FromMinutes(30));
        test.Node.FindWorld(Meeting).ShouldNotBeNull("someone is in it");

        person.Session.Disconnected();
        test.Tick();
        test.Tick(Idle - TimeSpan.FromMinutes(1));
        test.Node.FindWorld(Meeting).ShouldNotBeNull("empty for less than its idle time");
        test.Tick(TimeSpan.FromMinutes(2));
        test.Node.FindWorld(Meeting).ShouldBeNull();
        test.Node.FindWorld(TestWorld.WorldId).ShouldNotBeNull("a park stays, empty or not");
    }

    [Fact]
    public void Someone_coming_back_in_time_keeps_it_and_restarts_the_clock()
    {
        var test = WithMeetingRoom();
        test.Tick();
        test.Tick(Idle - TimeSpan.FromMinutes(1));
        var person = test.Connect("a");
        person.Hello(Meeting);
        test.Tick();
        person.Session.Disconnected();
        test.Tick();
        test.Tick(Idle - TimeSpan.FromMinutes(1));
        test.Node.FindWorld(Meeting).ShouldNotBeNull();
    }

    [Fact]
    public void A_ban_in_force_keeps_the_room_so_it_is_not_forgotten()
    {
        var test = WithMeetingRoom();
        var person = test.Connect("a");
        person.Hello(Meeting);
        test.Tick();
        test.Node.FindWorld(Meeting)!.Remove("a", banFor: TimeSpan.FromMinutes(30));
        test.Tick();
        test.Tick(TimeSpan.FromMinutes(20));
        test.Node.FindWorld(Meeting).ShouldNotBeNull("the ban still holds");
        test.Tick(TimeSpan.FromMinutes(11));
        test.Tick(Idle);
        test.Node.FindWorld(Meeting).ShouldBeNull();
    }

    [Fact]
    public void Whoever_arrives_as_it_closes_is_sent_back_to_reconnect()
    {
        var test = WithMeetingRoom();
        var room = test.Node.FindWorld(Meeting)!;
        test.Tick();
        test.Tick(Idle + TimeSpan.FromMinutes(1));
        test.Node.FindWorld(Meeting).ShouldBeNull();

        // A connection that found the room a moment before it closed hands it its arrival now.
        var late = test.Connect("late");
        room.Enqueue(new WorldCommand.Join(late.Session));

        late.Connection.CloseCode.ShouldBe(WorldCloseCodes.GoingAway);
        late.Connection.CloseReason.ShouldBe("this room had closed; reconnect to open it again");
    }
}
