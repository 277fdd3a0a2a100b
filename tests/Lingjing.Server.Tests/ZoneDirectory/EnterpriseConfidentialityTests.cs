using System.Net;
using System.Text.Json;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Tests.Infrastructure;
using static Lingjing.Server.Features.Directory.EnterpriseDirectory;

namespace Lingjing.Server.Tests.ZoneDirectory;

/// <summary>Revenue, contacts and staff numbers go only to the enterprise itself, its park's
/// operators and the government; everyone signed in sees the public fields.</summary>
[Collection(DirectoryCollection.Name)]
public sealed class EnterpriseConfidentialityTests(DirectoryFixture fixture)
{
    private static readonly string[] ConfidentialFields = ["employees", "contactEmail", "contactPhone", "latestRevenueYuan", "revenues"];

    private static async Task<JsonElement> JsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {url}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    [Theory, BothDatabases]
    public async Task A_signed_in_user_sees_the_public_fields_and_none_of_the_confidential_ones(Db db)
    {
        var rows = await fixture.RowsAsync(db);
        var reader = await fixture.ClientAsync(db);

        var detail = await JsonAsync(reader, $"/api/v1/enterprises/{rows.Xinghe}");

        detail.GetProperty("nameEn").GetString().ShouldBe("Xinghe Digital Design Co.");
        detail.GetProperty("parkNameEn").GetString().ShouldBe("Chaoyang Cultural Creative Park");
        detail.GetProperty("category").GetString().ShouldBe("creative-design");
        detail.GetProperty("aboveDesignatedSize").GetBoolean().ShouldBeTrue();
        detail.GetProperty("confidentialShown").GetBoolean().ShouldBeFalse();
        foreach (var field in ConfidentialFields)
            detail.GetProperty(field).ValueKind.ShouldBe(JsonValueKind.Null, field);

        var list = await reader.PageAsync<EnterpriseItem>("/api/v1/enterprises?pageSize=100");
        list.Items.ShouldNotBeEmpty();
        list.Items.ShouldAllBe(i => i.Employees == null && i.LatestRevenueYuan == null && !i.ConfidentialShown);
    }

    [Theory, BothDatabases]
    public async Task The_government_sees_every_enterprises_confidential_fields(Db db)
    {
        var rows = await fixture.RowsAsync(db);
        var government = await fixture.ClientAsAsync(db, Roles.Government);

        var detail = await government.DetailAsync<EnterpriseDetail>($"/api/v1/enterprises/{rows.Lightshadow}");
        (detail.ConfidentialShown, detail.Employees, detail.LatestRevenueYuan).ShouldBe((true, 300, 90_000_000L));
        detail.ContactEmail.ShouldNotBeNull();

        var list = await government.PageAsync<EnterpriseItem>("/api/v1/enterprises?pageSize=100");
        list.Items.ShouldAllBe(i => i.ConfidentialShown && i.Employees != null && i.LatestRevenueYuan != null);
    }

    [Theory, BothDatabases]
    public async Task A_park_operator_sees_the_confidential_fields_of_their_parks_tenants_only(Db db)
    {
        var rows = await fixture.RowsAsync(db);
        var chaoyangOperator = await fixture.ClientAsAsync(db, Roles.ParkOperator, parkId: rows.ChaoyangPark);

        (await chaoyangOperator.DetailAsync<EnterpriseDetail>($"/api/v1/enterprises/{rows.Xinghe}")).Revenues!.Count.ShouldBe(3);
        var other = await chaoyangOperator.DetailAsync<EnterpriseDetail>($"/api/v1/enterprises/{rows.Lightshadow}");
        (other.ConfidentialShown, other.Employees, other.Revenues).ShouldBe((false, null, null));

        var list = await chaoyangOperator.PageAsync<EnterpriseItem>("/api/v1/enterprises?pageSize=100");
        list.Items.Where(i => i.ParkId == rows.ChaoyangPark).ShouldAllBe(i => i.ConfidentialShown && i.Employees != null);
        list.Items.Where(i => i.ParkId != rows.ChaoyangPark).ShouldAllBe(i => !i.ConfidentialShown && i.Employees == null);
    }

    [Theory, BothDatabases]
    public async Task An_enterprises_accounts_see_its_own_confidential_fields_and_no_others(Db db)
    {
        var rows = await fixture.RowsAsync(db);
        foreach (var role in new[] { Roles.EnterpriseAdmin, Roles.EnterpriseMember })
        {
            var staff = await fixture.ClientAsAsync(db, role, enterpriseId: rows.Moxiang);

            var own = await staff.DetailAsync<EnterpriseDetail>($"/api/v1/enterprises/{rows.Moxiang}");
            (own.ConfidentialShown, own.Employees, own.LatestRevenueYuan).ShouldBe((true, 40, 5_000_000L), role);
            var neighbour = await staff.DetailAsync<EnterpriseDetail>($"/api/v1/enterprises/{rows.Xinghe}");
            (neighbour.ConfidentialShown, neighbour.LatestRevenueYuan, neighbour.ContactPhone).ShouldBe((false, null, null), role);
        }
    }

    [Theory, BothDatabases]
    public async Task Sorting_by_revenue_or_employees_is_only_for_those_who_may_see_the_figures_of_every_row(Db db)
    {
        var rows = await fixture.RowsAsync(db);
        var chaoyangOperator = await fixture.ClientAsAsync(db, Roles.ParkOperator, parkId: rows.ChaoyangPark);
        var reader = await fixture.ClientAsync(db);

        foreach (var sort in new[] { "revenue", "employees" })
        {
            (await reader.ProblemAsync($"/api/v1/enterprises?sort={sort}", HttpStatusCode.Forbidden)).ShouldContain("confidential");
            await chaoyangOperator.ProblemAsync($"/api/v1/enterprises?sort={sort}", HttpStatusCode.Forbidden);
            await chaoyangOperator.ProblemAsync($"/api/v1/enterprises?sort={sort}&parkId={rows.ArtDistrictPark}", HttpStatusCode.Forbidden);
            var own = await chaoyangOperator.PageAsync<EnterpriseItem>($"/api/v1/enterprises?sort={sort}&parkId={rows.ChaoyangPark}");
            own.Items[0].Id.ShouldBe(rows.Xinghe, sort);
        }
    }

    [Theory, BothDatabases]
    public async Task The_enterprise_pages_show_confidential_figures_only_to_those_who_may_see_them(Db db)
    {
        var rows = await fixture.RowsAsync(db);
        var government = await fixture.ClientAsAsync(db, Roles.Government);
        var reader = await fixture.ClientAsync(db);

        var governmentDetail = await government.GetStringAsync($"/directory/enterprises/{rows.Xinghe}");
        var readerDetail = await reader.GetStringAsync($"/directory/enterprises/{rows.Xinghe}");
        var readerList = WebUtility.HtmlDecode(await reader.GetStringAsync("/directory/enterprises?q=xinghe"));
        var readerSortedByRevenue = WebUtility.HtmlDecode(await reader.GetStringAsync("/directory/enterprises?sort=revenue"));

        governmentDetail.ShouldContain("45,000,000");
        readerDetail.ShouldNotContain("45,000,000");
        readerDetail.ShouldNotContain("50,000,000");
        readerDetail.ShouldContain("data-testid=\"confidential-notice\"");
        readerList.ShouldContain("Xinghe Digital Design Co.");
        readerList.ShouldNotContain("50,000,000");
        readerList.ShouldNotContain("value=\"revenue\"");
        readerSortedByRevenue.ShouldContain("Sorting by revenue or staff numbers is only for the government");
    }
}
