using System.Globalization;

namespace Lingjing.Bench.Bookings;

/// <summary>One of the hot spaces and every slot a client may ask for: 1 h or 2 h, starting on a
/// whole hour from opening time, inside the opening hours of an open day, 1 to 14 days ahead
/// (zone time). Every slot obeys the booking rules, so a client only ever meets 201 or 409.</summary>
public sealed record HotSpace(int Id, TimeOnly OpensAt, TimeOnly ClosesAt, int OpenDays)
{
    public IReadOnlyList<(string Start, string End)> Slots(DateOnly today, TimeZoneInfo zone)
    {
        var slots = new List<(string, string)>();
        for (var day = today.AddDays(1); day <= today.AddDays(14); day = day.AddDays(1))
        {
            var mondayFirst = ((int)day.DayOfWeek + 6) % 7;
            if ((OpenDays & (1 << mondayFirst)) == 0) continue;
            var opens = day.ToDateTime(OpensAt);
            var closes = ClosesAt > OpensAt ? day.ToDateTime(ClosesAt) : day.AddDays(1).ToDateTime(ClosesAt);
            var first = opens.Minute == 0 && opens.Second == 0 ? opens : opens.Date.AddHours(opens.Hour + 1);
            foreach (var hours in new[] { 1, 2 })
                for (var start = first; start.AddHours(hours) <= closes; start = start.AddHours(1))
                    slots.Add((Instant(start, zone), Instant(start.AddHours(hours), zone)));
        }
        return slots;
    }

    private static string Instant(DateTime local, TimeZoneInfo zone) =>
        new DateTimeOffset(local, zone.GetUtcOffset(local)).ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);
}
