using System.Net;
using Lingjing.Server.Tests.Infrastructure;

namespace Lingjing.Server.Tests.ZoneDirectory;

[Collection(DirectoryCollection.Name)]
public sealed class DirectoryBadInputTests(DirectoryFixture fixture)
{
    public static TheoryData<Db, string, string> BadQueries()
    {
        var cases = new (string Url, string Mentions)[]
        {
            ("/api/v1/enterprises?page=0", "page"),
            ("/api/v1/enterprises?page=-3", "page"),
            ("/api/v1/enterprises?page=abc", "page"),
            ("/api/v1/enterprises?page=99999999999", "page"),
            ("/api/v1/enterprises?page=1.5", "page"),
            ("/api/v1/enterprises?pageSize=0", "pageSize"),
            ("/api/v1/enterprises?pageSize=100000", "pageSize"),
            ("/api/v1/enterprises?pageSize=101", "pageSize"),
            ("/api/v1/enterprises?sort=popularity", "relevance, name, founded, employees, revenue"),
            ("/api/v1/enterprises?category=poetry", "creative-design"),
            ("/api/v1/enterprises?parkId=abc", "parkId"),
            ("/api/v1/enterprises?parkId=0", "parkId"),
            ("/api/v1/enterprises?aboveSize=maybe", "aboveSize"),
            ("/api/v1/enterprises?q=" + new string('x', 201), "200"),
            ("/api/v1/enterprises?q=" + Uri.EscapeDataString(string.Join(' ', Enumerable.Range(1, 11))), "10"),
            ("/api/v1/parks?sort=employees", "relevance, name, opened"),
            ("/api/v1/parks?pageSize=100000", "pageSize"),
            ("/api/v1/institutions?serviceType=magic", "legal"),
            ("/api/v1/institutions?page=0", "page"),
            ("/api/v1/spaces?type=castle", "theatre"),
            ("/api/v1/spaces?minCapacity=-1", "minCapacity"),
            ("/api/v1/spaces?minCapacity=lots", "minCapacity"),
            ("/api/v1/spaces?sort=founded", "capacity"),
        };
        var data = new TheoryData<Db, string, string>();
        foreach (var db in new[] { Db.Sqlite, Db.Postgres })
            foreach (var (url, mentions) in cases)
                data.Add(db, url, mentions);
        return data;
    }

    [Theory, MemberData(nameof(BadQueries))]
    public async Task Bad_query_values_get_400_naming_the_parameter(Db db, string url, string mentions)
    {
        var detail = await (await fixture.ClientAsync(db)).ProblemAsync(url, HttpStatusCode.BadRequest);
        detail.ShouldContain(mentions);
    }

    [Theory, BothDatabases]
    public async Task Page_far_beyond_the_results_is_empty_not_an_error(Db db)
    {
        var page = await (await fixture.ClientAsync(db)).PageAsync<Features.Directory.EnterpriseDirectory.EnterpriseItem>(
            $"/api/v1/enterprises?page={int.MaxValue}&pageSize=100");
        page.Items.ShouldBeEmpty();
        page.Total.ShouldBeGreaterThan(0);
    }

    [Theory, BothDatabases]
    public async Task Unknown_ids_get_404_problem_details(Db db)
    {
        var client = await fixture.ClientAsync(db);
        foreach (var list in new[] { "enterprises", "parks", "institutions", "spaces" })
        {
            (await client.ProblemAsync($"/api/v1/{list}/987654", HttpStatusCode.NotFound)).ShouldContain("987654");
            await client.ProblemAsync($"/api/v1/{list}/abc", HttpStatusCode.NotFound);
            await client.ProblemAsync($"/api/v1/{list}/99999999999", HttpStatusCode.NotFound);
        }
    }

    [Theory, BothDatabases]
    public async Task Directory_api_requires_sign_in(Db db)
    {
        var anonymous = (await fixture.AppAsync(db)).Anonymous();
        foreach (var url in new[] { "/api/v1/enterprises", "/api/v1/parks/1", "/api/v1/institutions", "/api/v1/spaces" })
            await anonymous.ProblemAsync(url, HttpStatusCode.Unauthorized);
    }
}
