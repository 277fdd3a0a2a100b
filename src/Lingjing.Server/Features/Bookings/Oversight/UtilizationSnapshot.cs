namespace Lingjing.Server.Features.Bookings.Oversight;

/// <summary>Hours per space and zone-local day over a period, computed by <see cref="BookingUtilization"/>:
/// open (opening window minus blackout days), booked (confirmed, checked in or not), pending and
/// released (no-shows); plus how many bookings start on each day. Hours of a window that runs past
/// midnight count for the day it opens. Filled once while it is computed, then only read: HybridCache hands
/// the one instance to every reader instead of copying it.</summary>
[System.ComponentModel.ImmutableObject(true)]
public sealed class UtilizationSnapshot
{
    private readonly double[,] open;
    private readonly double[,] booked;
    private readonly double[,] pending;
    private readonly double[,] released;
    private readonly int[] startsLive;
    private readonly int[] startsConfirmed;
    private readonly int[] startsNoShow;

    internal UtilizationSnapshot(UtilizationPeriod period, IReadOnlyList<SpaceKey> spaces)
    {
        Period = period;
        Spaces = spaces;
        open = new double[spaces.Count, period.DayCount];
        booked = new double[spaces.Count, period.DayCount];
        pending = new double[spaces.Count, period.DayCount];
        released = new double[spaces.Count, period.DayCount];
        startsLive = new int[period.DayCount];
        startsConfirmed = new int[period.DayCount];
        startsNoShow = new int[period.DayCount];
    }

    public UtilizationPeriod Period { get; }

    /// <summary>The spaces counted, in the order of the rows.</summary>
    public IReadOnlyList<SpaceKey> Spaces { get; }

    /// <summary>Index of a day in the period (0 = <see cref="UtilizationPeriod.First"/>).</summary>
    public int IndexOf(DateOnly day) => day.DayNumber - Period.First.DayNumber;

    internal void SetOpen(int space, int day, double hours) => open[space, day] = hours;

    internal double OpenHours(int space, int day) => open[space, day];

    internal void AddHours(int space, int day, string status, double hours)
    {
        switch (status)
        {
            case BookingStatus.Confirmed: booked[space, day] += hours; break;
            case BookingStatus.Pending: pending[space, day] += hours; break;
            case BookingStatus.NoShow: released[space, day] += hours; break;
        }
    }

    internal void CountStart(int day, string status)
    {
        startsLive[day]++;
        if (status == BookingStatus.Confirmed) startsConfirmed[day]++;
        else if (status == BookingStatus.NoShow) startsNoShow[day]++;
    }

    /// <summary>Every day of the period, summed over all spaces.</summary>
    public List<UtilizationDay> Days()
    {
        var days = new List<UtilizationDay>(Period.DayCount);
        for (var d = 0; d < Period.DayCount; d++)
        {
            double o = 0, b = 0, p = 0, r = 0;
            for (var s = 0; s < Spaces.Count; s++)
            {
                o += open[s, d];
                b += booked[s, d];
                p += pending[s, d];
                r += released[s, d];
            }
            var day = Period.First.AddDays(d);
            days.Add(new UtilizationDay(day, Hours(o), Hours(b), Hours(p), Hours(r), Share(b, o), day >= Period.Today));
        }
        return days;
    }

    /// <summary>Totals per group of spaces over the past 28 days.</summary>
    public List<(TKey Key, int Spaces, double Open, double Booked, double Released)> PastTotalsBy<TKey>(Func<SpaceKey, TKey> key) where TKey : notnull
    {
        var last = IndexOf(Period.LastPast);
        var totals = new Dictionary<TKey, (int Spaces, double Open, double Booked, double Released)>();
        for (var s = 0; s < Spaces.Count; s++)
        {
            double o = 0, b = 0, r = 0;
            for (var d = 0; d <= last; d++)
            {
                o += open[s, d];
                b += booked[s, d];
                r += released[s, d];
            }
            var k = key(Spaces[s]);
            var t = totals.GetValueOrDefault(k);
            totals[k] = (t.Spaces + 1, t.Open + o, t.Booked + b, t.Released + r);
        }
        return totals.Select(p => (p.Key, p.Value.Spaces, Hours(p.Value.Open), Hours(p.Value.Booked), Hours(p.Value.Released))).ToList();
    }

    /// <summary>The headline figures; <paramref name="pendingApprovals"/> comes from its own query.</summary>
    public BookingKpis Kpis(int pendingApprovals)
    {
        var (weekStart, weekEnd) = (IndexOf(Period.WeekMonday), IndexOf(Period.WeekMonday.AddDays(6)));
        var thisWeek = 0;
        for (var d = weekStart; d <= weekEnd; d++) thisWeek += startsLive[d];
        var last = IndexOf(Period.LastPast);
        int confirmed = 0, noShows = 0;
        for (var d = 0; d <= last; d++)
        {
            confirmed += startsConfirmed[d];
            noShows += startsNoShow[d];
        }
        var totals = PastTotalsBy(_ => 0);
        var (o, b) = totals.Count == 0 ? (0, 0) : (totals[0].Open, totals[0].Booked);
        return new BookingKpis(Spaces.Count, thisWeek, Share(b, o), o, b, Share(noShows, confirmed + noShows), noShows, pendingApprovals,
            Period.First, Period.LastPast);
    }

    public static double Hours(double hours) => Math.Round(hours, 2);

    public static double Share(double part, double whole) => whole > 0 ? Math.Round(part / whole, 4) : 0;
}

/// <summary>What the breakdowns group a space by.</summary>
public sealed record SpaceKey(int Id, int ParkId, string SpaceType);
