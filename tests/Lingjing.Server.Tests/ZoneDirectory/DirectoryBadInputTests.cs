using System.Net;
using Lingjing.Server.Tests.Infrastructure;

namespace Lingjing.Server.Tests.ZoneDirectory;

[Collection(DirectoryCollection.Name)]
public sealed class DirectoryBadInputTests(DirectoryFixture fixture)
{
    public static TheoryData<Db, string, string, string> BadQueries()
    {
        var cases = new (string Url, string Key, string Mentions)[]
        {
            ("/api/v1/enterprises?page=0", "page", "'0'"),
            ("/api/v1/enterprises?page=-3", "page", "'-3'"),
            ("/api/v1/enterprises?page=abc", "page", "'abc'"),
            ("/api/v1/enterprises?page=99999999999", "page", "'99999999999'"),
            ("/api/v1/enterprises?page=1.5", "page", "'1.5'"),
            ("/api/v1/enterprises?pageSize=0", "pageSize", "from 1 to 100"),
            ("/api/v1/enterprises?pageSize=100000", "pageSize", "from 1 to 100"),
            ("/api/v1/enterprises?pageSize=101", "pageSize", "from 1 to 100"),
            ("/api/v1/enterprises?sort=popularity", "sort", "relevance, name, founded, employees, revenue"),
            ("/api/v1/enterprises?category=poetry", "category", "creative-design"),
            ("/api/v1/enterprises?parkId=abc", "parkId", "'abc'"),
            ("/api/v1/enterprises?parkId=0", "parkId", "'0'"),
            ("/api/v1/enterprises?aboveSize=maybe", "aboveSize", "'maybe'"),
            ("/api/v1/enterprises?q=" + new string('x', 201), "q", "200"),
            ("/api/v1/enterprises?q=" + Uri.EscapeDataString(string.Join(' ', Enumerable.Range(1, 11))), "q", "10"),
            ("/api/v1/parks?sort=employees", "sort", "relevance, name, opened"),
            ("/api/v1/parks?pageSize=100000", "pageSize", "from 1 to 100"),
            ("/api/v1/institutions?serviceType=magic", "serviceType", "legal"),
            ("/api/v1/institutions?page=0", "page", "'0'"),
            ("/api/v1/spaces?type=castle", "type", "theatre"),
            ("/api/v1/spaces?minCapacity=-1", "minCapacity", "'-1'"),
            ("/api/v1/spaces?minCapacity=lots", "minCapacity", "'lots'"),
            ("/api/v1/spaces?sort=founded", "sort", "capacity"),
        };
        var data = new TheoryData<Db, string, string, string>();
        foreach (var db in new[] { Db.Sqlite, Db.Postgres })
            foreach (var (url, key, mentions) in cases)
                data.Add(db, url, key, mentions);
        return data;
    }

    [Theory, MemberData(nameof(BadQueries))]
    public async Task Bad_query_values_get_400_under_the_parameter_saying_what_it_allows(Db db, string url, string key, string mentions)
    {
        var problem = await (await fixture.ClientAsync(db)).ValidationProblemAsync(url, "en");
        problem.Errors.Keys.ShouldBe([key]);
        problem.Errors[key].ShouldHaveSingleItem().ShouldContain(mentions);
        problem.Detail.ShouldStartWith("Check these fields: ");
    }

    [Theory, BothDatabases]
    public async Task A_chinese_reader_gets_the_parameter_problems_in_chinese(Db db)
    {
        var problem = await (await fixture.ClientAsync(db)).ValidationProblemAsync("/api/v1/spaces?minCapacity=lots&pageSize=0", "zh-CN");
        problem.Errors.Keys.Order().ShouldBe(["minCapacity", "pageSize"]);
        problem.Detail.ShouldBe("请检查以下各项：最少容纳人数、每页条数。");
        problem.Errors["minCapacity"].ShouldBe(["应为 0 到 2147483647 之间的整数；“lots”不是。"]);
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
