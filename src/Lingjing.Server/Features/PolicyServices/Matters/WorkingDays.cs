namespace Lingjing.Server.Features.PolicyServices.Matters;

/// <summary>Legal time limits count working days: Monday to Friday.</summary>
public static class WorkingDays
{
    /// <summary>The day <paramref name="days"/> working days after <paramref name="start"/> (the day of submission does not count).</summary>
    public static DateOnly After(DateOnly start, int days)
    {
        var day = start;
        for (var counted = 0; counted < days;)
        {
            day = day.AddDays(1);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) counted++;
        }
        return day;
    }

    /// <summary>Working days from <paramref name="today"/> to <paramref name="due"/>: negative once it has passed.</summary>
    public static int Left(DateOnly today, DateOnly due)
    {
        if (due < today) return -Left(due, today);
        var left = 0;
        for (var day = today; day < due;)
        {
            day = day.AddDays(1);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) left++;
        }
        return left;
    }
}
