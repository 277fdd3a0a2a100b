using System.Net;
using Lingjing.Server.Tests.Infrastructure;

namespace Lingjing.Server.Tests.ZoneDirectory;

[Collection(DirectoryCollection.Name)]
public sealed class DirectoryPagesTests(DirectoryFixture fixture)
{
    private async Task<(HttpStatusCode Status, string Html)> GetAsync(Db db, string url, string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await (await fixture.ClientAsync(db)).SendAsync(request);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Theory, BothDatabases]
    public async Task Enterprise_list_renders_results_for_a_signed_in_user(Db db)
    {
        var rows = await fixture.RowsAsync(db);
        var (status, html) = await GetAsync(db, "/directory/enterprises?q=" + Uri.EscapeDataString("星河"), "en");
        status.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain($"href=\"/directory/enterprises/{rows.Xinghe}\">Xinghe Digital Design Co.</a>");
        html.ShouldContain("北京星河数字设计有限公司");
        html.ShouldContain("1 results, page 1 of 1");
    }

    [Theory, BothDatabases]
    public async Task Chinese_interface_shows_the_Chinese_name_first(Db db)
    {
        var rows = await fixture.RowsAsync(db);
        var (status, html) = await GetAsync(db, "/directory/enterprises?q=xinghe", "zh-CN");
        status.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain($"href=\"/directory/enterprises/{rows.Xinghe}\">北京星河数字设计有限公司</a>");
        html.ShouldContain("企业");
    }

    [Theory, BothDatabases]
    public async Task Every_list_and_detail_page_renders(Db db)
    {
        var rows = await fixture.RowsAsync(db);
        foreach (var (url, text) in new[]
        {
            ("/directory/parks", "798 Art District"),
            ("/directory/institutions?serviceType=legal", "Justice Law Firm"),
            ("/directory/spaces?minCapacity=100", "Starlight Theatre"),
            ($"/directory/enterprises/{rows.Xinghe}", "Revenue, staff numbers and contacts are shown only to the enterprise itself"),
            ($"/directory/parks/{rows.ChaoyangPark}", "Building 1"),
            ($"/directory/institutions/{rows.LegalInstitution}", "Copyright and contract law"),
            ($"/directory/spaces/{rows.Theatre}", "stage lighting"),
        })
        {
            var (status, html) = await GetAsync(db, url, "en");
            status.ShouldBe(HttpStatusCode.OK, url);
            html.ShouldContain(text, customMessage: url);
        }
    }

    [Theory, BothDatabases]
    public async Task Empty_search_shows_the_empty_state(Db db)
    {
        var (status, html) = await GetAsync(db, "/directory/enterprises?q=nothing-like-this", "en");
        status.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("No enterprises match");
    }

    [Theory, BothDatabases]
    public async Task Bad_page_values_show_a_message_not_an_error(Db db)
    {
        var (status, html) = await GetAsync(db, "/directory/enterprises?page=0&sort=%22%3B", "en");
        status.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("This search cannot be run");
    }

    [Theory, BothDatabases]
    public async Task Unknown_id_pages_answer_404(Db db)
    {
        foreach (var list in new[] { "enterprises", "parks", "institutions", "spaces" })
        {
            var (status, html) = await GetAsync(db, $"/directory/{list}/987654", "en");
            status.ShouldBe(HttpStatusCode.NotFound, list);
            html.ShouldContain("987654");
        }
    }

    [Theory, BothDatabases]
    public async Task Directory_pages_send_visitors_to_sign_in(Db db)
    {
        var response = await (await fixture.AppAsync(db)).Anonymous().GetAsync("/directory/enterprises");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/account/signin");
    }
}
