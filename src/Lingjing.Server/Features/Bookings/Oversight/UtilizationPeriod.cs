namespace Lingjing.Server.Features.Bookings.Oversight;

/// <summary>The days the booking views look at: the last 28 full days before today (the history the
/// breakdowns and KPIs use) and today with the 6 days after it (what is coming), zone time.</summary>
public sealed record UtilizationPeriod(DateOnly Today)
{
    public const int PastDays = 28;
    public const int ComingDays = 7;

    public DateOnly First => Today.AddDays(-PastDays);
    public DateOnly LastPast => Today.AddDays(-1);
    public DateOnly Last => Today.AddDays(ComingDays - 1);
    public int DayCount => PastDays + ComingDays;
    public DateOnly WeekMonday => Today.AddDays(-(((int)Today.DayOfWeek + 6) % 7));

    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
