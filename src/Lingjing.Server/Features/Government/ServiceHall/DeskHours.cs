using System.Globalization;

namespace Lingjing.Server.Features.Government.ServiceHall;

/// <summary>A desk's opening hours: the working days (a bit mask, Monday = 1) and the day's periods in zone time.</summary>
public static class DeskHours
{
    public const int MondayToFriday = 0b0011111;

    public static int Bit(DayOfWeek day) => 1 << (((int)day + 6) % 7);

    /// <summary>The periods of <c>09:00-12:00,13:30-17:30</c>; empty when malformed.</summary>
    public static IReadOnlyList<(TimeOnly From, TimeOnly To)> Periods(string hours)
    {
        var periods = new List<(TimeOnly, TimeOnly)>();
        foreach (var part in hours.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var ends = part.Split('-', StringSplitOptions.TrimEntries);
            if (ends.Length != 2 || !TimeOnly.TryParseExact(ends[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
                || !TimeOnly.TryParseExact(ends[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to) || to <= from)
                return [];
            periods.Add((from, to));
        }
        return periods.OrderBy(p => p.Item1).ToList();
    }

    /// <summary>Whether the desk is open at <paramref name="local"/> (zone time), and when it next opens if not (within two weeks).</summary>
    public static (bool Open, DateTime? ClosesAt, DateTime? NextOpening) At(ServiceDesk desk, DateTime local)
    {
        var periods = Periods(desk.Hours);
        var time = TimeOnly.FromDateTime(local);
        if ((desk.Weekdays & Bit(local.DayOfWeek)) != 0)
            foreach (var (from, to) in periods)
                if (time >= from && time < to) return (true, local.Date + to.ToTimeSpan(), null);
        for (var day = 0; day < 14; day++)
        {
            var date = local.Date.AddDays(day);
            if ((desk.Weekdays & Bit(date.DayOfWeek)) == 0) continue;
            foreach (var (from, _) in periods)
                if (date + from.ToTimeSpan() > local) return (false, null, date + from.ToTimeSpan());
        }
        return (false, null, null);
    }
}
