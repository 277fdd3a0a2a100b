using Lingjing.Server.Features.Zone;

namespace Lingjing.Server.Features.Bookings;

/// <summary>Opening windows of a space in the zone's time zone, and free slots between bookings.</summary>
internal static class SpaceCalendar
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(15);

    /// <summary>Whether [start, end) lies inside one opening window (a window opened on the
    /// previous local day may run past midnight).</summary>
    public static bool FitsOpeningHours(Space space, DateTimeOffset start, DateTimeOffset end, TimeZoneInfo zone)
    {
        var localDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, zone).DateTime);
        foreach (var day in new[] { localDay.AddDays(-1), localDay })
        {
            if (Window(space, day, zone) is { } window && window.Start <= start && end <= window.End) return true;
        }
        return false;
    }

    /// <summary>The opening window of a local day, or null when the space is closed that day.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End)? Window(Space space, DateOnly day, TimeZoneInfo zone)
    {
        var mondayFirst = ((int)day.DayOfWeek + 6) % 7;
        if ((space.OpenDays & (1 << mondayFirst)) == 0) return null;
        var opens = day.ToDateTime(space.OpensAt);
        var closes = space.ClosesAt > space.OpensAt ? day.ToDateTime(space.ClosesAt) : day.AddDays(1).ToDateTime(space.ClosesAt);
        return (ToZone(opens, zone), ToZone(closes, zone));
    }

    /// <summary>Free slots of the space's default length between from and to, on a grid from opening
    /// time (each slot followed by the space's buffer), that obey every booking rule.</summary>
    public static List<FreeSlot> FreeSlots(BookableSpace bookable, IReadOnlyList<HeldRange> live, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, TimeZoneInfo zone)
    {
        var (length, buffer) = (bookable.Rules.DefaultLength, bookable.Rules.Buffer);
        var slots = new List<FreeSlot>();
        var first = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, zone).DateTime).AddDays(-1);
        var last = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(to, zone).DateTime);
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            if (Window(bookable.Space, day, zone) is not { } window) continue;
            for (var start = window.Start; start + length <= window.End; start += length + buffer)
            {
                var end = start + length;
                if (start < from || end > to) continue;
                if (BookingRules.Check(bookable, start, end, now, zone) is null && !Overlaps(live, start, end + buffer))
                    slots.Add(Slot(start, end, zone));
            }
        }
        return slots;
    }

    /// <summary>Up to <paramref name="count"/> free slots of the given length at or after start, on a
    /// 15-minute grid from start, that obey every booking rule. <paramref name="live"/> must be sorted
    /// by start (live held ranges never overlap, so they are then sorted by end too): the search jumps
    /// past each blocking booking and each closed stretch instead of testing every step.</summary>
    public static List<FreeSlot> NextFree(BookableSpace bookable, IReadOnlyList<HeldRange> live, DateTimeOffset start, TimeSpan length, DateTimeOffset now, TimeZoneInfo zone, int count)
    {
        var found = new List<FreeSlot>();
        var limit = now + TimeSpan.FromDays(bookable.Rules.MaxDaysAhead);
        var buffer = bookable.Rules.Buffer;
        var next = 0;
        var t = start < now ? OnGrid(start, now) : start;
        while (t <= limit && found.Count < count)
        {
            var end = t + length;
            while (next < live.Count && Utc(live[next].HeldUntil) <= t) next++;
            if (next < live.Count && Utc(live[next].Start) < end + buffer)
            {
                t = OnGrid(start, Utc(live[next].HeldUntil));
                continue;
            }
            if (BookingRules.Check(bookable, t, end, now, zone) is null)
            {
                found.Add(Slot(t, end, zone));
                t = OnGrid(start, end + buffer);
                continue;
            }
            // Closed at t, or a blackout day: on to the next opening window.
            var opening = NextOpening(bookable.Space, t, zone);
            t = OnGrid(start, opening > t ? opening : t + Step);
        }
        return found;
    }

    /// <summary>The first opening-window start after the instant, within a week; else a day later.</summary>
    private static DateTimeOffset NextOpening(Space space, DateTimeOffset after, TimeZoneInfo zone)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(after, zone).DateTime);
        for (var offset = 0; offset <= 7; offset++)
        {
            if (Window(space, day.AddDays(offset), zone) is { } window && window.Start > after) return window.Start;
        }
        return after + TimeSpan.FromDays(1);
    }

    /// <summary>The first instant at or after x on the 15-minute grid that starts at origin.</summary>
    private static DateTimeOffset OnGrid(DateTimeOffset origin, DateTimeOffset x)
    {
        if (x <= origin) return origin;
        var steps = (x - origin).Ticks / Step.Ticks + ((x - origin).Ticks % Step.Ticks == 0 ? 0 : 1);
        return origin + TimeSpan.FromTicks(steps * Step.Ticks);
    }

    /// <summary>The next quarter hour at or after the instant, so "next free slot" starts on a clean time.</summary>
    public static DateTimeOffset NextQuarterHour(DateTimeOffset instant)
    {
        var ticks = Step.Ticks;
        var rounded = (instant.UtcTicks + ticks - 1) / ticks * ticks;
        return new DateTimeOffset(rounded, TimeSpan.Zero);
    }

    /// <summary>Whether a range [start, heldUntil) meets a live booking's held range.</summary>
    public static bool Overlaps(IReadOnlyList<HeldRange> live, DateTimeOffset start, DateTimeOffset heldUntil) =>
        live.Any(b => Utc(b.Start) < heldUntil && start < Utc(b.HeldUntil));

    public static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    public static DateTimeOffset InZone(DateTimeOffset value, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(value, zone);

    public static FreeSlot Slot(DateTimeOffset start, DateTimeOffset end, TimeZoneInfo zone) => new(InZone(start, zone), InZone(end, zone));

    /// <summary>Midnight of a local day in the zone.</summary>
    public static DateTimeOffset StartOfDay(DateOnly day, TimeZoneInfo zone) => ToZone(day.ToDateTime(TimeOnly.MinValue), zone);

    private static DateTimeOffset ToZone(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        var offset = zone.IsInvalidTime(unspecified) ? zone.GetUtcOffset(unspecified.AddHours(1)) : zone.GetUtcOffset(unspecified);
        return new DateTimeOffset(unspecified, offset);
    }
}
