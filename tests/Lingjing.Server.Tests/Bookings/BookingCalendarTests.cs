using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Tests.Infrastructure;

namespace Lingjing.Server.Tests.Bookings;

/// <summary>One-click booking of the next free slot, and bookings as iCalendar files.</summary>
public sealed class BookingCalendarTests
{
    [Theory, BothDatabases]
    public async Task Next_free_slot_books_the_default_length_and_skips_taken_time(Db db)
    {
        var app = await SharedApps.Blank(db);
        var scene = await BookingScene.CreateAsync(app, users: 2, opensAt: new TimeOnly(9, 0), closesAt: new TimeOnly(18, 0));
        await scene.SetRulesAsync(await scene.NewClientAsync(Who.Operator), defaultMinutes: 90, opensAt: "09:00", closesAt: "18:00");
        var after = BookingScene.At(5, 0);
        (await scene.Client(0).PostAsJsonAsync($"/api/v1/spaces/{scene.SpaceId}/bookings",
            BookingScene.Body(BookingScene.At(5, 9), BookingScene.At(5, 10)))).StatusCode.ShouldBe(HttpStatusCode.Created);

        var next = await scene.Client(1).PostAsJsonAsync($"/api/v1/spaces/{scene.SpaceId}/bookings/next", new { purpose = "Rehearsal", after });

        next.StatusCode.ShouldBe(HttpStatusCode.Created);
        var booking = await next.Content.ReadFromJsonAsync<JsonElement>();
        booking.GetProperty("start").GetDateTimeOffset().ShouldBe(DateTimeOffset.Parse(BookingScene.At(5, 10), System.Globalization.CultureInfo.InvariantCulture));
        (booking.GetProperty("end").GetDateTimeOffset() - booking.GetProperty("start").GetDateTimeOffset()).ShouldBe(TimeSpan.FromMinutes(90));
        booking.GetProperty("purpose").GetString().ShouldBe("Rehearsal");
    }

    [Theory, BothDatabases]
    public async Task Concurrent_next_free_slot_clicks_all_get_distinct_slots(Db db)
    {
        var app = await SharedApps.Blank(db);
        var scene = await BookingScene.CreateAsync(app, users: 10);
        var after = BookingScene.At(3, 9);

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            scene.Client(i).PostAsJsonAsync($"/api/v1/spaces/{scene.SpaceId}/bookings/next", new { after })));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created);
        var starts = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("start").GetDateTimeOffset()));
        starts.Distinct().Count().ShouldBe(10);
        (await scene.LiveRowsAsync()).ShouldBe(10);
    }

    [Theory, BothDatabases]
    public async Task My_bookings_and_a_spaces_calendar_download_as_icalendar(Db db)
    {
        var app = await SharedApps.Blank(db);
        var scene = await BookingScene.CreateAsync(app, users: 2);
        var created = await (await scene.Client(0).PostAsJsonAsync($"/api/v1/spaces/{scene.SpaceId}/bookings",
            new { start = BookingScene.At(4, 10), end = BookingScene.At(4, 11, 30), purpose = "Board meeting; budget, Q4" })).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        var start = created.GetProperty("start").GetDateTimeOffset().UtcDateTime;

        var mine = await scene.Client(0).GetAsync("/api/v1/me/bookings.ics");
        mine.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        var text = await mine.Content.ReadAsStringAsync();
        text.ShouldStartWith("BEGIN:VCALENDAR\r\n");
        text.ShouldEndWith("END:VCALENDAR\r\n");
        text.ShouldContain($"UID:{id}@lingjing");
        // Local times with the zone's TZID (its VTIMEZONE is in the file); the instant is the booking's start.
        text.ShouldContain($"DTSTART;TZID=Asia/Shanghai:{TimeZoneInfo.ConvertTimeBySystemTimeZoneId(start, "Asia/Shanghai"):yyyyMMdd'T'HHmmss}");
        text.ShouldContain("DESCRIPTION:Board meeting\\; budget\\, Q4");
        text.Split("\r\n").ShouldAllBe(line => System.Text.Encoding.UTF8.GetByteCount(line) <= 75);

        var space = await scene.Client(1).GetStringAsync($"/api/v1/spaces/{scene.SpaceId}/calendar.ics");
        space.ShouldContain("SUMMARY:Booked");
        space.ShouldNotContain("Board meeting");
        (await scene.Client(0).GetStringAsync($"/api/v1/bookings/{id}/booking.ics")).ShouldContain($"UID:{id}@lingjing");
    }
}
