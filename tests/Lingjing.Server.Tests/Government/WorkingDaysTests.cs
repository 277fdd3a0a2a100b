using Lingjing.Server.Features.PolicyServices.Matters;

namespace Lingjing.Server.Tests.Government;

public sealed class WorkingDaysTests
{
    [Theory]
    [InlineData("2026-12-04", 1, "2026-12-07")] // a Friday: the next working day is Monday
    [InlineData("2026-12-07", 5, "2026-12-14")] // a Monday: a week later
    [InlineData("2026-12-05", 10, "2026-12-18")] // a Saturday: counting starts on Monday
    [InlineData("2026-12-07", 0, "2026-12-07")]
    public void Legal_time_limits_count_working_days(string start, int days, string due) =>
        WorkingDays.After(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), days).ShouldBe(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("2026-12-07", "2026-12-14", 5)]
    [InlineData("2026-12-14", "2026-12-07", -5)]
    [InlineData("2026-12-11", "2026-12-14", 1)]
    public void Working_days_left_are_negative_once_passed(string today, string due, int left) =>
        WorkingDays.Left(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(left);
}
