using System.Net;
using System.Net.Http.Json;
using Lingjing.Server.Tests.Infrastructure;

namespace Lingjing.Server.Tests.Bookings;

/// <summary>Bad input gets a 400 naming the broken rule; unknown spaces a 404.</summary>
public sealed class BookingRulesTests
{
    [Theory, BothDatabases]
    public async Task Bad_input_gets_400_naming_the_broken_rule(Db db)
    {
        var app = await SharedApps.Blank(db);
        var scene = await BookingScene.CreateAsync(app, users: 1, opensAt: new TimeOnly(9, 0), closesAt: new TimeOnly(21, 0));
        var client = scene.Client(0);
        var url = $"/api/v1/spaces/{scene.SpaceId}/bookings";
        var cases = new (object Body, string Names)[]
        {
            (BookingScene.Body(BookingScene.At(3, 11), BookingScene.At(3, 10)), "must be after the start"),
            (BookingScene.Body(BookingScene.At(3, 10)[..19], BookingScene.At(3, 11)), "offset"),
            (BookingScene.Body("9999-12-31T10:00:00+08:00", "9999-12-31T11:00:00+08:00"), "too far ahead"),
            (BookingScene.Body(BookingScene.At(3, 7), BookingScene.At(3, 8)), "opening hours"),
            (BookingScene.Body(BookingScene.At(3, 20), BookingScene.At(3, 22)), "opening hours"),
            (BookingScene.Body(BookingScene.At(3, 10), BookingScene.At(3, 10, 5)), "too short"),
            (BookingScene.Body(BookingScene.At(3, 9), BookingScene.At(3, 18)), "too long"),
            (BookingScene.Body(BookingScene.At(-2, 10), BookingScene.At(-2, 11)), "past"),
            (BookingScene.Body(BookingScene.At(120, 10), BookingScene.At(120, 11)), "too far ahead"),
            (new { start = "tomorrow", end = BookingScene.At(3, 11) }, "offset"),
        };

        foreach (var (body, names) in cases)
        {
            var response = await client.PostAsJsonAsync(url, body);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, names);
            var problem = await response.Content.ReadFromJsonAsync<Problem>();
            (problem!.Detail ?? "").ShouldContain(names, Case.Insensitive);
        }
        (await scene.LiveRowsAsync()).ShouldBe(0);
    }

    [Theory, BothDatabases]
    public async Task Booking_an_unknown_space_gets_404(Db db)
    {
        var app = await SharedApps.Blank(db);
        var scene = await BookingScene.CreateAsync(app, users: 1);

        var response = await scene.Client(0).PostAsJsonAsync($"/api/v1/spaces/{BookingScene.UnknownSpaceId}/bookings",
            BookingScene.Body(BookingScene.At(3, 10), BookingScene.At(3, 11)));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await scene.Client(0).GetAsync($"/api/v1/spaces/{BookingScene.UnknownSpaceId}/availability?from={Uri.EscapeDataString(BookingScene.At(3, 0))}&to={Uri.EscapeDataString(BookingScene.At(4, 0))}"))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Signed_out_clients_cannot_book()
    {
        var app = await SharedApps.Blank(Db.Sqlite);
        var scene = await BookingScene.CreateAsync(app, users: 0);

        var response = await app.Anonymous().PostAsJsonAsync($"/api/v1/spaces/{scene.SpaceId}/bookings",
            BookingScene.Body(BookingScene.At(3, 10), BookingScene.At(3, 11)));

        ((int)response.StatusCode).ShouldBeOneOf(401, 302);
    }
}
