using Lingjing.Server.Features.Bookings;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Tests.Infrastructure;

namespace Lingjing.Server.Tests.Bookings;

/// <summary>The jumping search for free slots finds exactly what testing every 15-minute step finds,
/// on random calendars (opening hours, closed days, blackouts, buffers, bookings).</summary>
public sealed class SpaceCalendarTests
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public void Next_free_slots_equal_a_step_by_step_search_on_random_calendars()
    {
        var random = new Random(20261124);
        var now = new DateTimeOffset(2030, 3, 4, 1, 7, 0, TimeSpan.Zero);
        for (var round = 0; round < 300; round++)
        {
            var space = ZoneRows.Space(1, "Random", new TimeOnly(random.Next(6, 12), 30 * random.Next(2)), new TimeOnly(random.Next(14, 24) % 24, 0));
            space.Id = round + 1;
            space.OpenDays = random.Next(1, 128);
            var rules = new SpaceBookingRules
            {
                SpaceId = space.Id, DefaultMinutes = 60, MinMinutes = 15, MaxMinutes = 600,
                BufferMinutes = 15 * random.Next(3), MaxDaysAhead = random.Next(3, 30),
            };
            var blackouts = random.Next(3) == 0
                ? new List<SpaceBlackout> { new() { SpaceId = space.Id, FirstDay = new DateOnly(2030, 3, 5 + random.Next(5)), LastDay = new DateOnly(2030, 3, 10 + random.Next(5)) } }
                : [];
            var bookable = new BookableSpace(space, rules, blackouts);
            var live = RandomCalendar(random, now, rules.Buffer);
            var start = now + TimeSpan.FromMinutes(15 * random.Next(-10, 400));
            var length = TimeSpan.FromMinutes(15 * random.Next(1, 16));

            var jumping = SpaceCalendar.NextFree(bookable, live, start, length, now, Zone, 3);
            var stepping = StepByStep(bookable, live, start, length, now, 3);

            jumping.ShouldBe(stepping, $"round {round}");
        }
    }

    /// <summary>Non-overlapping held ranges over the next 20 days, sorted by start.</summary>
    private static List<HeldRange> RandomCalendar(Random random, DateTimeOffset now, TimeSpan buffer)
    {
        var live = new List<HeldRange>();
        var t = now.UtcDateTime.AddHours(-3);
        while (t < now.UtcDateTime.AddDays(20))
        {
            t = t.AddMinutes(15 * random.Next(0, 40));
            var held = t.AddMinutes(15 * random.Next(1, 12)) + buffer;
            live.Add(new HeldRange(t, held));
            t = held;
        }
        return live;
    }

    /// <summary>The obvious search: every 15 minutes from start, every rule, every booking.</summary>
    private static List<FreeSlot> StepByStep(BookableSpace bookable, List<HeldRange> live, DateTimeOffset start, TimeSpan length, DateTimeOffset now, int count)
    {
        var found = new List<FreeSlot>();
        var step = TimeSpan.FromMinutes(15);
        for (var t = start; t <= now + TimeSpan.FromDays(bookable.Rules.MaxDaysAhead) && found.Count < count; t += step)
        {
            var end = t + length;
            if (BookingRules.Check(bookable, t, end, now, Zone) is not null || SpaceCalendar.Overlaps(live, t, end + bookable.Rules.Buffer)) continue;
            found.Add(new FreeSlot(TimeZoneInfo.ConvertTime(t, Zone), TimeZoneInfo.ConvertTime(end, Zone)));
            t = end + bookable.Rules.Buffer - step;
        }
        return found;
    }
}
