using System.Net;
using System.Net.Http.Json;
using Lingjing.Server.Features.Terminals.Parks;
using Lingjing.Server.Tests.Infrastructure;
using Lingjing.Server.Infrastructure.Paging;

namespace Lingjing.Server.Tests.Terminals;

[Collection(TerminalsCollection.Name)]
public sealed class ParkOverviewTests(TerminalsFixture fixture)
{
    [Theory, BothDatabases]
    public async Task Operator_sees_figures_and_spaces_of_their_own_park(Db db)
    {
        var (app, scene) = await fixture.App(db);
        var client = await app.SignedInAsync(TerminalScene.OperatorA, TerminalScene.Password);

        var overview = await client.GetFromJsonAsync<ParkOverview>("/api/v1/park/overview");

        overview!.Id.ShouldBe(scene.ParkA);
        overview.TenantEnterprises.ShouldBe(2);
        overview.TenantsAboveDesignatedSize.ShouldBe(1);
        overview.Buildings.ShouldBe(2);
        overview.SpaceCount.ShouldBe(2);
        overview.TotalCapacity.ShouldBe(350);
        overview.Spaces.Select(s => s.NameEn).ShouldBe(["Gallery", "Little Theatre"], ignoreOrder: true);
    }

    [Theory, BothDatabases]
    public async Task Tenants_are_paged_and_only_from_the_operators_park(Db db)
    {
        var (app, _) = await fixture.App(db);
        var client = await app.SignedInAsync(TerminalScene.OperatorA, TerminalScene.Password);

        var first = await client.GetFromJsonAsync<ResultPage<ParkTenant>>("/api/v1/park/tenants?page=1&pageSize=1");
        var second = await client.GetFromJsonAsync<ResultPage<ParkTenant>>("/api/v1/park/tenants?page=2&pageSize=1");
        var badSize = await client.GetAsync("/api/v1/park/tenants?pageSize=100000");

        first!.Total.ShouldBe(2);
        first.Items.Single().NameEn.ShouldBe("Alpha One Culture"); // above designated size first
        second!.Items.Single().NameEn.ShouldBe("Alpha Two Design");
        badSize.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = PortalBrowser.Text(await client.GetStringAsync("/park"));
        page.ShouldContain("Test Park A");
        page.ShouldContain("Little Theatre");
        page.ShouldNotContain("Beta One Film");
    }

    [Theory, BothDatabases]
    public async Task Government_dashboard_shows_the_zone_figures_and_chart_containers(Db db)
    {
        var (app, _) = await fixture.App(db);
        var client = await app.SignedInAsync(TerminalScene.Government, TerminalScene.Password);

        var page = PortalBrowser.Text(await client.GetStringAsync("/gov"));

        page.ShouldContain("Enterprises by category");
        foreach (var source in new[] { "enterprises-by-category", "revenue-by-year", "parks" })
            page.ShouldContain($"data-source=\"/api/v1/zone/charts/{source}\"");
        page.ShouldContain("data-chart=\"park-map\"");
        // The scene's revenue grows 10 % a year.
        page.ShouldContain("10.0 %");
    }
}
