using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Tests.Infrastructure;

namespace Lingjing.Server.Tests.Events;

/// <summary>The demo zone's events: the three-day conference ahead with its agenda, registrations and exhibitors, smaller
/// events ahead and some already over, with check-ins, online attendance and ratings; showcases in the demonstration hall.</summary>
[Collection(DemoZoneCollection.Name)]
public sealed class DemoEventTests(DemoZoneFixture zone)
{
    [Theory, BothDatabases]
    public async Task The_demo_zone_lists_a_three_day_conference_and_smaller_events_ahead_and_past(Db db)
    {
        var app = await zone.App(db);
        var anonymous = app.Anonymous();

        var upcoming = (await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/events?pageSize=100")).GetProperty("items").EnumerateArray().ToList();
        var past = (await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/events?past=true")).GetProperty("items").EnumerateArray().ToList();

        upcoming.Count.ShouldBeGreaterThanOrEqualTo(3);
        var starts = upcoming.Select(e => e.GetProperty("startsAt").GetDateTimeOffset()).ToList();
        starts.ShouldBe(starts.Order().ToList(), "soonest first");
        var conference = upcoming.Single(e => e.GetProperty("kind").GetString() == "conference");
        (conference.GetProperty("endsAt").GetDateTimeOffset() - conference.GetProperty("startsAt").GetDateTimeOffset()).TotalDays.ShouldBeGreaterThan(2);
        conference.GetProperty("seatsLeft").GetInt32().ShouldBe(3000 - 640);
        var detail = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/events/{conference.GetProperty("id").GetInt32()}");
        detail.GetProperty("sessions").GetArrayLength().ShouldBe(21);
        detail.GetProperty("booths").GetArrayLength().ShouldBe(40);
        (await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/expo/demonstration-hall")).GetArrayLength().ShouldBeGreaterThanOrEqualTo(12);
        past.Count.ShouldBeGreaterThanOrEqualTo(2);

        var gov = await app.SignedInAsync("gov@demo.lingjing.local");
        var training = past.First(e => e.GetProperty("kind").GetString() == "training").GetProperty("id").GetInt32();
        var people = await gov.GetFromJsonAsync<JsonElement>($"/api/v1/events/{training}/registrations");
        people.GetProperty("items").GetArrayLength().ShouldBe(120);
        // Those who came in person checked in at the door; those online entered the hall and rated its sessions.
        people.GetProperty("checkedIn").GetInt32().ShouldBeInRange(20, 70);
        var figures = await gov.GetFromJsonAsync<JsonElement>($"/api/v1/events/{training}/report");
        figures.GetProperty("joinedOnline").GetInt32().ShouldBeInRange(30, 80);
        figures.GetProperty("peakPresent").GetInt32().ShouldBeInRange(20, figures.GetProperty("joinedOnline").GetInt32());
        figures.GetProperty("sessions").EnumerateArray().ShouldAllBe(x => x.GetProperty("ratings").GetInt32() > 0 && x.GetProperty("average").GetDouble() >= 2);
        (await gov.GetFromJsonAsync<JsonElement>($"/api/v1/events/{training}/report/attendance")).GetArrayLength().ShouldBe(180, "09:00 to 12:00, minute by minute");
    }
}
