using Lingjing.Server.Features.Zone;

namespace Lingjing.Server.Features.World;

/// <summary>Whether a space is open at a local time of the zone, from its opening hours and days.</summary>
public static class OpeningHours
{
    /// <param name="local">Wall-clock time in the zone's time zone.</param>
    public static bool IsOpen(Space space, DateTime local) => IsOpen(space.OpensAt, space.ClosesAt, space.OpenDays, local);

    public static bool IsOpen(TimeOnly opensAt, TimeOnly closesAt, int openDays, DateTime local)
    {
        var time = TimeOnly.FromDateTime(local);
        var today = MondayFirstDayIndex(local.DayOfWeek);
        if (opensAt < closesAt)
            return OpensOn(openDays, today) && time >= opensAt && time < closesAt;
        if (opensAt == closesAt)
            return OpensOn(openDays, today); // the same time twice means all day
        // Hours past midnight (e.g. 19:00-02:00) belong to the day the opening started.
        var yesterday = (today + 6) % 7;
        return (OpensOn(openDays, today) && time >= opensAt) || (OpensOn(openDays, yesterday) && time < closesAt);
    }

    private static bool OpensOn(int openDays, int mondayFirstDay) => (openDays & (1 << mondayFirstDay)) != 0;

    private static int MondayFirstDayIndex(DayOfWeek day) => ((int)day + 6) % 7;
}
