using System.Net;
using System.Net.Http.Json;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lingjing.Server.Tests.World;

/// <summary><c>/api/v1/world/parks/{parkId}/guests</c> on both databases: a park's operators invite people into its world.</summary>
public sealed class WorldGuestApiTests
{
    private sealed record Invitation(long Id, string Email, DateTimeOffset InvitedAt);

    /// <summary>Two parks closed to guests, an operator of each and an employee, on the shared blank server.</summary>
    private sealed record GuestScene(LingjingApp App, int Park, string Operator, string OtherOperator, string Employee);

    private static async Task<GuestScene> SceneAsync(Db db)
    {
        var app = await SharedApps.Blank(db);
        await using var scope = app.Services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
        var (park, other) = (ZoneRows.Park("Guest Park"), ZoneRows.Park("Other Guest Park"));
        park.AllowsGuests = other.AllowsGuests = false;
        context.Set<Park>().AddRange(park, other);
        await context.SaveChangesAsync();
        var scene = new GuestScene(app, park.Id, SharedApps.Email("operator"), SharedApps.Email("other.operator"), SharedApps.Email("employee"));
        await TestUsers.CreateAsync(app, scene.Operator, Roles.ParkOperator, parkId: park.Id);
        await TestUsers.CreateAsync(app, scene.OtherOperator, Roles.ParkOperator, parkId: other.Id);
        await TestUsers.CreateAsync(app, scene.Employee, Roles.Employee);
        return scene;
    }

    [Theory, BothDatabases]
    public async Task Operator_invites_lists_and_withdraws_guests_of_their_park(Db db)
    {
        var scene = await SceneAsync(db);
        var (app, park) = (scene.App, scene.Park);
        using var http = await app.SignedInAsync(scene.Operator, TestUsers.Password);

        var created = await http.PostAsJsonAsync($"/api/v1/world/parks/{park}/guests", new { email = " Li.Na@Example.com " });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var invitation = (await created.Content.ReadFromJsonAsync<Invitation>())!;
        invitation.Email.ShouldBe("Li.Na@Example.com");

        var again = await http.PostAsJsonAsync($"/api/v1/world/parks/{park}/guests", new { email = "li.na@example.com" });
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await again.Content.ReadFromJsonAsync<Problem>())!.Title.ShouldBe("Already invited");

        var list = await http.GetFromJsonAsync<List<Invitation>>($"/api/v1/world/parks/{park}/guests");
        list!.Select(i => i.Email).ShouldBe(["Li.Na@Example.com"]);

        (await http.DeleteAsync($"/api/v1/world/parks/{park}/guests/{invitation.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await http.DeleteAsync($"/api/v1/world/parks/{park}/guests/{invitation.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await http.GetFromJsonAsync<List<Invitation>>($"/api/v1/world/parks/{park}/guests"))!.ShouldBeEmpty();
    }

    [Theory, BothDatabases]
    public async Task Operator_of_another_park_and_other_people_cannot_see_or_change_a_parks_guests(Db db)
    {
        var scene = await SceneAsync(db);
        var (app, park) = (scene.App, scene.Park);
        using var owner = await app.SignedInAsync(scene.Operator, TestUsers.Password);
        var invitation = (await (await owner.PostAsJsonAsync($"/api/v1/world/parks/{park}/guests", new { email = "x@example.com" }))
            .Content.ReadFromJsonAsync<Invitation>())!;

        using var other = await app.SignedInAsync(scene.OtherOperator, TestUsers.Password);
        (await other.GetAsync($"/api/v1/world/parks/{park}/guests")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await other.PostAsJsonAsync($"/api/v1/world/parks/{park}/guests", new { email = "y@example.com" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await other.DeleteAsync($"/api/v1/world/parks/{park}/guests/{invitation.Id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var employee = await app.SignedInAsync(scene.Employee, TestUsers.Password);
        (await employee.GetAsync($"/api/v1/world/parks/{park}/guests")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.Anonymous().GetAsync($"/api/v1/world/parks/{park}/guests")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        (await owner.GetFromJsonAsync<List<Invitation>>($"/api/v1/world/parks/{park}/guests"))!.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not an email")]
    [InlineData("Li Na <li.na@example.com>")]
    [InlineData("@example.com")]
    public async Task Invitation_without_a_plain_email_address_gets_400_problem(string? email)
    {
        var scene = await SceneAsync(Db.Sqlite);
        var (app, park) = (scene.App, scene.Park);
        using var http = await app.SignedInAsync(scene.Operator, TestUsers.Password);
        var response = await http.PostAsJsonAsync($"/api/v1/world/parks/{park}/guests", new { email });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<Problem>())!.Title.ShouldBe("Invalid invitation");
    }

    [Fact]
    public async Task Park_terminal_page_shows_the_empty_state_then_the_invited_people()
    {
        var scene = await SceneAsync(Db.Sqlite);
        var (app, park) = (scene.App, scene.Park);
        using var http = await app.SignedInAsync(scene.Operator, TestUsers.Password);

        var empty = await http.GetStringAsync("/park/world-guests");
        empty.ShouldContain("No one invited yet");
        empty.ShouldContain("does not allow guests");

        await http.PostAsJsonAsync($"/api/v1/world/parks/{park}/guests", new { email = "li.na@example.com" });
        var listed = await http.GetStringAsync("/park/world-guests");
        listed.ShouldContain("li.na@example.com");
        listed.ShouldNotContain("No one invited yet");
        (await http.GetStringAsync("/park")).ShouldContain("href=\"/park/world-guests\"");
    }
}
