using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Tests.Bookings;
using Lingjing.Server.Tests.Events;
using Lingjing.Server.Tests.Infrastructure;

namespace Lingjing.Server.Tests.Platform;

/// <summary>Every .ics Lingjing serves (my bookings, a booking, a space's calendar, an event) as a third-party parser
/// reads it: it parses, carries the time zone its times are in, and gives the instants the API gives; a subscription
/// feed shows a moved booking at its new time and a cancelled one as cancelled.</summary>
public sealed class CalendarInteropTests
{
    private static string Utc(JsonElement instant) => instant.GetDateTimeOffset().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    [Theory, BothDatabases]
    public async Task Booking_feeds_parse_in_icaljs_with_their_zone_and_follow_changes(Db db)
    {
        var app = await SharedApps.Blank(db);
        var scene = await BookingScene.CreateAsync(app, users: 2);
        var me = scene.Client(0);
        var created = await (await me.PostAsJsonAsync($"/api/v1/spaces/{scene.SpaceId}/bookings",
            new { start = BookingScene.At(4, 10), end = BookingScene.At(4, 11, 30), purpose = "Board meeting; budget, Q4 · 董事会" })).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        var uid = $"{id}@lingjing";

        var read = await ThirdPartyCalendar.ReadAsync(
            await me.GetStringAsync("/api/v1/me/bookings.ics"),
            await me.GetStringAsync($"/api/v1/bookings/{id}/booking.ics"),
            await scene.Client(1).GetStringAsync($"/api/v1/spaces/{scene.SpaceId}/calendar.ics"));
        foreach (var calendar in read)
        {
            calendar.GetProperty("timeZones").EnumerateArray().Select(z => z.GetString()).ShouldContain("Asia/Shanghai");
            var booking = calendar.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("uid").GetString() == uid);
            booking.GetProperty("tzid").GetString().ShouldBe("Asia/Shanghai");
            booking.GetProperty("start").GetString().ShouldBe(Utc(created.GetProperty("start")));
            booking.GetProperty("end").GetString().ShouldBe(Utc(created.GetProperty("end")));
        }
        read[2].GetProperty("events")[0].GetProperty("summary").GetString().ShouldBe("Booked", "a space's calendar shows no one's purpose");

        var moved = await me.PostAsJsonAsync($"/api/v1/bookings/{id}/reschedule", new { start = BookingScene.At(5, 14), end = BookingScene.At(5, 15) });
        moved.StatusCode.ShouldBe(HttpStatusCode.OK, await moved.Content.ReadAsStringAsync());
        var after = (await ThirdPartyCalendar.ReadAsync(await me.GetStringAsync("/api/v1/me/bookings.ics")))[0].GetProperty("events").EnumerateArray().Single();
        after.GetProperty("start").GetString().ShouldBe(Utc((await moved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("start")));

        (await me.DeleteAsync($"/api/v1/bookings/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var cancelled = (await ThirdPartyCalendar.ReadAsync(await me.GetStringAsync("/api/v1/me/bookings.ics")))[0].GetProperty("events").EnumerateArray().Single();
        cancelled.GetProperty("status").GetString().ShouldBe("CANCELLED");
        (await ThirdPartyCalendar.ReadAsync(await scene.Client(1).GetStringAsync($"/api/v1/spaces/{scene.SpaceId}/calendar.ics")))[0]
            .GetProperty("events").GetArrayLength().ShouldBe(0, "the space is free again");
    }

    [Fact]
    public async Task An_events_calendar_parses_in_icaljs_in_the_venues_own_zone()
    {
        var scene = await EventScene.StartAsync(Db.Sqlite);
        var body = scene.Body();
        body["timeZone"] = "Europe/Berlin";
        var id = await scene.PublishAsync(scene.NorthOperator, body);
        var anonymous = scene.App.Anonymous();
        var detail = (await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/events/{id}")).GetProperty("event");

        var calendar = (await ThirdPartyCalendar.ReadAsync(await anonymous.GetStringAsync($"/api/v1/events/{id}/calendar.ics")))[0];
        calendar.GetProperty("timeZones").EnumerateArray().Select(z => z.GetString()).ShouldContain("Europe/Berlin");
        var events = calendar.GetProperty("events").EnumerateArray().ToList();
        events.ShouldNotBeEmpty();
        events.ShouldAllBe(e => e.GetProperty("tzid").GetString() == "Europe/Berlin");
        events.Min(e => e.GetProperty("start").GetString()).ShouldBe(Utc(detail.GetProperty("startsAt")));
    }
}
