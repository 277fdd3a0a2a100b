using Lingjing.Server.Features.Events.Hall;

namespace Lingjing.Server.Tests.Events;

/// <summary>Seats in the instances of an event's hall: colleagues together while there is room, the first instance with
/// room otherwise, a new one when all are full; a chosen instance only with room; seats kept while reported, given up
/// when not.</summary>
public sealed class HallSeatingTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Colleagues_sit_together_while_there_is_room_and_others_fill_the_first_instance_with_room()
    {
        var seating = new HallSeating(instanceSize: 2);
        var (ana, gov, ben, cai, dan) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        seating.Place(ana, "enterprise:1", null, Start).ShouldBe(1);
        seating.Place(gov, "government", null, Start).ShouldBe(1);
        seating.Place(ben, "enterprise:1", null, Start).ShouldBe(2, "Ana's instance is full");
        seating.Place(cai, "enterprise:1", null, Start).ShouldBe(2, "with Ben, a colleague");
        seating.Place(dan, "park:3", null, Start).ShouldBe(3);

        seating.Instances("enterprise:1", Start).ShouldBe([
            new HallInstanceView(1, 2, 1, true), new HallInstanceView(2, 2, 2, true), new HallInstanceView(3, 1, 0, false)]);
        seating.Place(ana, "enterprise:1", null, Start).ShouldBe(1, "entering again keeps the seat");
    }

    [Fact]
    public void A_chosen_instance_is_given_only_with_room_and_only_if_it_exists_or_is_the_next()
    {
        var seating = new HallSeating(instanceSize: 2);
        var people = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToList();
        foreach (var p in people) seating.Place(p, "", null, Start);
        var late = Guid.NewGuid();

        seating.Place(late, "", wanted: 1, Start).ShouldBeNull("instance 1 is full");
        seating.Place(late, "", wanted: 7, Start).ShouldBeNull("there is no instance 7");
        seating.Place(late, "", wanted: 2, Start).ShouldBe(2);
        seating.Place(people[2], "", wanted: 3, Start).ShouldBe(3, "the next new instance");
        seating.Place(people[0], "", wanted: 1, Start).ShouldBe(1, "one's own instance, full or not");
        seating.InstanceOf(late, Start).ShouldBe(2);
    }

    [Fact]
    public void Seats_are_kept_while_a_node_reports_them_and_given_up_when_nobody_does()
    {
        var seating = new HallSeating(instanceSize: 1);
        var (ana, ben) = (Guid.NewGuid(), Guid.NewGuid());
        seating.Place(ana, "", null, Start).ShouldBe(1);
        seating.Place(ben, "", null, Start).ShouldBe(2);

        var later = Start + HallSeating.KeptFor - TimeSpan.FromSeconds(5);
        seating.Seen(1, [ana], later);
        var after = Start + HallSeating.KeptFor + TimeSpan.FromSeconds(5);

        seating.InstanceOf(ana, after).ShouldBe(1);
        seating.InstanceOf(ben, after).ShouldBeNull("Ben never arrived");
        seating.Place(Guid.NewGuid(), "", null, after).ShouldBe(2, "Ben's seat is free again");
        // Someone a node reports in an instance without a seat (the grain started again) takes it back.
        var cai = Guid.NewGuid();
        seating.Seen(3, [cai], after);
        seating.InstanceOf(cai, after).ShouldBe(3);
    }
}
