using System.Text;
using Ical.Net;
using Lingjing.Server.Features.Bookings;

namespace Lingjing.Server.Tests.Bookings;

/// <summary>The .ics files Ical.Net writes for us read back with the same fields: folded, escaped, in the zone's time.</summary>
public sealed class CalendarFileTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly DateTimeOffset Stamp = new(2026, 11, 20, 1, 2, 3, TimeSpan.Zero);
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 2, 0, 0, TimeSpan.Zero);

    private static string Write(CalendarEntry entry, string name = "日历")
    {
        var file = new CalendarFile(name, Shanghai, Stamp);
        file.AddEvent(entry);
        return file.ToString();
    }

    private static CalendarEntry Entry(string summary = "Meeting Room A · 会议室A", string? location = null, string? description = null) =>
        new("b1@lingjing", Start, Start.AddMinutes(90), Stamp, summary, CalendarFile.StatusOf(BookingStatus.Pending), location, description,
            "https://park.example.cn/bookings/b1");

    [Fact]
    public void An_event_reads_back_with_uid_stamp_times_status_and_url()
    {
        var text = Write(Entry());

        text.ShouldStartWith("BEGIN:VCALENDAR\r\n");
        text.ShouldEndWith("END:VCALENDAR\r\n");
        var calendar = Calendar.Load(text)!;
        calendar.ProductId.ShouldBe("-//Lingjing//Cloud Park//EN");
        calendar.Method.ShouldBe("PUBLISH");
        calendar.Properties["X-WR-CALNAME"]!.Value.ShouldBe("日历");
        var read = calendar.Events.Single();
        read.Uid.ShouldBe("b1@lingjing");
        read.DtStamp!.AsUtc.ShouldBe(Stamp.UtcDateTime);
        read.DtStart!.AsUtc.ShouldBe(Start.UtcDateTime);
        read.DtEnd!.AsUtc.ShouldBe(Start.AddMinutes(90).UtcDateTime);
        read.Summary.ShouldBe("Meeting Room A · 会议室A");
        read.Status.ShouldBe("TENTATIVE");
        read.Url.ShouldBe(new Uri("https://park.example.cn/bookings/b1"));
    }

    [Fact]
    public void Times_are_the_zones_local_times_and_the_file_carries_its_vtimezone()
    {
        var text = Write(Entry());

        text.ShouldContain("DTSTART;TZID=Asia/Shanghai:20261124T100000\r\n");
        text.ShouldContain("DTSTAMP:20261120T010203Z\r\n");
        var zone = Calendar.Load(text)!.TimeZones.Single();
        zone.TzId.ShouldBe("Asia/Shanghai");
        var rules = zone.TimeZoneInfos.ShouldHaveSingleItem();
        rules.OffsetTo!.Offset.ShouldBe(TimeSpan.FromHours(8));
        Calendar.Load(text)!.Events.Single().DtStart!.TzId.ShouldBe("Asia/Shanghai");
    }

    [Fact]
    public void Long_chinese_text_folds_at_75_octets_without_splitting_a_character()
    {
        var summary = new string('文', 60);
        var description = string.Concat(Enumerable.Repeat("文化路1号 文化园 · 1号楼 3层 · 会议室A; ", 12));

        var text = Write(Entry(summary, description: description));

        var lines = text.Split("\r\n");
        lines.ShouldAllBe(line => Encoding.UTF8.GetByteCount(line) <= 75);
        lines.Count(line => line.StartsWith(' ')).ShouldBeGreaterThan(10);
        // A character cut in two would not decode; each physical line is whole UTF-8.
        lines.ShouldAllBe(line => !line.Contains('\uFFFD'));
        var read = Calendar.Load(text)!.Events.Single();
        read.Summary.ShouldBe(summary);
        read.Description.ShouldBe(description);
    }

    [Fact]
    public void Commas_semicolons_backslashes_and_newlines_are_escaped_and_read_back()
    {
        var location = "Hall A, floor 3; 文化路1号";
        var description = "Board meeting; budget, Q4\nSpace 空间: https://park.example.cn/directory/spaces/7\nC:\\share";

        var text = Write(Entry(location: location, description: description));

        var unfolded = text.Replace("\r\n ", "", StringComparison.Ordinal);
        unfolded.ShouldContain("LOCATION:Hall A\\, floor 3\\; 文化路1号\r\n");
        unfolded.ShouldContain("DESCRIPTION:Board meeting\\; budget\\, Q4\\nSpace 空间: https://park.example.cn/directory/spaces/7\\nC:\\\\share\r\n");
        var read = Calendar.Load(text)!.Events.Single();
        read.Location.ShouldBe(location);
        read.Description.ShouldBe(description);
    }

    [Theory]
    [InlineData(BookingStatus.Confirmed, "CONFIRMED")]
    [InlineData(BookingStatus.Pending, "TENTATIVE")]
    [InlineData(BookingStatus.Cancelled, "CANCELLED")]
    public void A_bookings_status_maps_to_the_icalendar_status(string booking, string expected) =>
        CalendarFile.StatusOf(booking).ShouldBe(expected);
}
