using System.Globalization;
using Lingjing.Server.Features.World;

namespace Lingjing.Server.Tests.World;

public sealed class OpeningHoursTests
{
    private const int Weekdays = 0b001_1111;
    private static readonly TimeOnly Nine = new(9, 0), Five = new(17, 0), Seven = new(19, 0), Two = new(2, 0);

    // 2026-11-23 is a Monday.
    [Theory]
    [InlineData("2026-11-23 08:59", false)]
    [InlineData("2026-11-23 09:00", true)]
    [InlineData("2026-11-23 16:59", true)]
    [InlineData("2026-11-23 17:00", false)]
    [InlineData("2026-11-28 10:00", false)] // Saturday
    public void Day_hours_are_open_from_opening_until_just_before_closing_on_open_days(string local, bool open) =>
        OpeningHours.IsOpen(Nine, Five, Weekdays, DateTime.Parse(local, CultureInfo.InvariantCulture)).ShouldBe(open);

    [Theory]
    [InlineData("2026-11-27 23:30", true)]  // Friday evening
    [InlineData("2026-11-28 01:30", true)]  // after midnight, still Friday's opening
    [InlineData("2026-11-28 19:30", false)] // Saturday is not an open day
    [InlineData("2026-11-23 01:30", false)] // Monday early: Sunday was closed
    public void Hours_past_midnight_belong_to_the_day_they_started(string local, bool open) =>
        OpeningHours.IsOpen(Seven, Two, Weekdays, DateTime.Parse(local, CultureInfo.InvariantCulture)).ShouldBe(open);

    [Fact]
    public void The_same_opening_and_closing_time_means_all_day() =>
        OpeningHours.IsOpen(Nine, Nine, Weekdays, DateTime.Parse("2026-11-23 03:00", CultureInfo.InvariantCulture)).ShouldBeTrue();

    [Fact]
    public void A_space_with_no_open_days_is_never_open() =>
        OpeningHours.IsOpen(Nine, Five, 0, DateTime.Parse("2026-11-23 12:00", CultureInfo.InvariantCulture)).ShouldBeFalse();
}
