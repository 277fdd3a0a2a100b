using Lingjing.Server.Tests.Infrastructure;
using static Lingjing.Server.Features.Directory.EnterpriseDirectory;

namespace Lingjing.Server.Tests.ZoneDirectory;

[Collection(DirectoryCollection.Name)]
public sealed class EnterpriseSearchTests(DirectoryFixture fixture)
{
    private async Task<int[]> SearchAsync(Db db, string q, string extra = "")
    {
        var client = await fixture.ClientAsync(db);
        var page = await client.PageAsync<EnterpriseItem>($"/api/v1/enterprises?q={Uri.EscapeDataString(q)}&pageSize=100{extra}");
        page.Total.ShouldBe(page.Items.Count);
        return page.Items.Select(i => i.Id).ToArray();
    }

    [Theory, BothDatabases]
    public async Task Two_character_Chinese_term_matches_names_and_descriptions(Db db)
    {
        var rows = await fixture.RowsAsync(db);
        (await SearchAsync(db, "设计")).ShouldBe([rows.Xinghe, rows.Moxiang]);
    }

    [Theory, BothDatabases]
    public async Task Chinese_term_of_three_or_more_characters_matches_as_substring(Db db)
    {
        var rows = await fixture.RowsAsync(db);
        (await SearchAsync(db, "数字设计")).ShouldBe([rows.Xinghe]);
        (await SearchAsync(db, "影视制作")).ShouldBe([rows.Lightshadow]);
    }

    [Theory, BothDatabases]
    public async Task Short_terms_are_found_anywhere_including_the_end_of_the_text(Db db)
    {
        var rows = await fixture.RowsAsync(db);
        // Lightshadow's text ends with its category, "radio, film and tv".
        (await SearchAsync(db, "tv")).ShouldBe([rows.Lightshadow]);
        (await SearchAsync(db, "影")).ShouldBe([rows.Lightshadow]);
        (await SearchAsync(db, "墨")).ShouldBe([rows.Moxiang]);
    }

    [Theory, BothDatabases]
    public async Task English_search_ignores_case(Db db)
    {
        var rows = await fixture.RowsAsync(db);
        (await SearchAsync(db, "XINGHE")).ShouldBe([rows.Xinghe]);
        (await SearchAsync(db, "lightShadow")).ShouldBe([rows.Lightshadow]);
    }

    [Theory, BothDatabases]
    public async Task Every_term_must_match(Db db)
    {
        var rows = await fixture.RowsAsync(db);
        (await SearchAsync(db, "film studio")).ShouldBe([rows.Lightshadow]);
        (await SearchAsync(db, "设计  出版")).ShouldBe([rows.Moxiang]);
        (await SearchAsync(db, "xinghe press")).ShouldBeEmpty();
    }

    [Theory, BothDatabases]
    public async Task Tags_and_category_names_are_searchable(Db db)
    {
        var rows = await fixture.RowsAsync(db);
        (await SearchAsync(db, "animation")).ShouldBe([rows.Xinghe]);
        (await SearchAsync(db, "动画")).ShouldBe([rows.Xinghe]);
        (await SearchAsync(db, "radio, film")).ShouldBe([rows.Lightshadow]);
    }

    [Theory, BothDatabases]
    public async Task Percent_and_underscore_are_literal_characters(Db db)
    {
        var rows = await fixture.RowsAsync(db);
        (await SearchAsync(db, "%")).ShouldBe([rows.PureUnderscore]);
        (await SearchAsync(db, "_")).ShouldBe([rows.PureUnderscore]);
        (await SearchAsync(db, "100%")).ShouldBe([rows.PureUnderscore]);
        (await SearchAsync(db, "pure_form")).ShouldBe([rows.PureUnderscore]);
        (await SearchAsync(db, "pure%form")).ShouldBeEmpty();
        (await SearchAsync(db, @"\")).ShouldBeEmpty();
        (await SearchAsync(db, @"pure\_form")).ShouldBeEmpty();
    }

    [Theory, BothDatabases]
    public async Task Quotes_and_operators_are_searched_as_text(Db db)
    {
        var rows = await fixture.RowsAsync(db);
        (await SearchAsync(db, "\"quoted\"")).ShouldBe([rows.Quotes]);
        (await SearchAsync(db, "\"")).ShouldBe([rows.Quotes]);
        (await SearchAsync(db, "o'brien")).ShouldBe([rows.Quotes]);
        (await SearchAsync(db, "games AND OR NOT")).ShouldBe([rows.Quotes]);
        foreach (var hostile in new[] { "\"\"\"", "' OR 1=1 --", "a* OR b*", "NEAR(a b)", "^xinghe", "col:xinghe", "(((", "'; DROP TABLE enterprises; --", "%%%___" })
            (await SearchAsync(db, hostile)).ShouldBeEmpty($"q={hostile}");
    }

    [Theory, BothDatabases]
    public async Task Control_characters_separate_terms(Db db)
    {
        var rows = await fixture.RowsAsync(db);
        (await SearchAsync(db, "\u0001xinghe\t")).ShouldBe([rows.Xinghe]);
    }

    [Theory, BothDatabases]
    public async Task A_NUL_character_in_the_query_is_refused(Db db)
    {
        // PostgreSQL text cannot hold NUL: every endpoint refuses it in the query (RequestInputGuard).
        var detail = await (await fixture.ClientAsync(db)).ProblemAsync("/api/v1/enterprises?q=%00xinghe", System.Net.HttpStatusCode.BadRequest);
        detail.ShouldContain("'q' contains a NUL character");
    }

    [Theory, BothDatabases]
    public async Task Emoji_are_searched_as_text(Db db)
    {
        var rows = await fixture.RowsAsync(db);
        (await SearchAsync(db, "🎨")).ShouldBe([rows.Emoji]);
        (await SearchAsync(db, "🎨 arts")).ShouldBe([rows.Emoji]);
        (await SearchAsync(db, "🎨🎨🎨")).ShouldBeEmpty();
    }

    [Theory, BothDatabases]
    public async Task Relevance_puts_name_matches_first(Db db)
    {
        var rows = await fixture.RowsAsync(db);
        // Xinghe has 设计 in its name; Moxiang only in its description.
        (await SearchAsync(db, "设计", "&sort=relevance")).ShouldBe([rows.Xinghe, rows.Moxiang]);
        (await SearchAsync(db, "design 设计", "&sort=relevance")).ShouldBe([rows.Xinghe]);
    }

    [Theory, BothDatabases]
    public async Task Search_combines_with_filters(Db db)
    {
        var rows = await fixture.RowsAsync(db);
        (await SearchAsync(db, "ux", "&tag=craft")).ShouldBe([rows.PureSpace]);
        (await SearchAsync(db, "pure", $"&parkId={rows.ArtDistrictPark}&category=digital-content")).ShouldBe([rows.PureUnderscore]);
    }
}
