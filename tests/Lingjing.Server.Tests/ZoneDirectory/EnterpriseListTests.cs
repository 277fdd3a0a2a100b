using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Tests.Infrastructure;
using static Lingjing.Server.Features.Directory.EnterpriseDirectory;
using Lingjing.Server.Infrastructure.Paging;

namespace Lingjing.Server.Tests.ZoneDirectory;

[Collection(DirectoryCollection.Name)]
public sealed class EnterpriseListTests(DirectoryFixture fixture)
{
    private const int NamedEnterprises = 7;

    private async Task<Lingjing.Server.Infrastructure.Paging.ResultPage<EnterpriseItem>> ListAsync(Db db, string query) =>
        await (await fixture.ClientAsync(db)).PageAsync<EnterpriseItem>("/api/v1/enterprises?" + query);

    [Theory, BothDatabases]
    public async Task Category_filter_keeps_that_category(Db db)
    {
        var rows = await fixture.RowsAsync(db);
        var page = await ListAsync(db, "category=radio-film-tv");
        page.Items.Select(i => i.Id).ShouldBe([rows.Lightshadow]);
        page.Items[0].CategoryNameZh.ShouldBe("广播影视");
        page.Items[0].CategoryNameEn.ShouldBe("Radio, film and TV");
    }

    [Theory, BothDatabases]
    public async Task Park_filter_keeps_that_parks_enterprises(Db db)
    {
        var rows = await fixture.RowsAsync(db);
        var page = await ListAsync(db, $"parkId={rows.ChaoyangPark}&pageSize=100");
        page.Items.Select(i => i.Id).ShouldBe([rows.Xinghe, rows.Moxiang, rows.Quotes, rows.Emoji], ignoreOrder: true);
        page.Items.ShouldAllBe(i => i.ParkNameZh == "朝阳文化创意产业园" && i.ParkNameEn == "Chaoyang Cultural Creative Park");
    }

    [Theory, BothDatabases]
    public async Task Above_size_filter_keeps_enterprises_above_designated_size(Db db)
    {
        var rows = await fixture.RowsAsync(db);
        (await ListAsync(db, "aboveSize=true")).Items.Select(i => i.Id).ShouldBe([rows.Lightshadow, rows.Xinghe], ignoreOrder: true);
        (await ListAsync(db, "aboveSize=false&pageSize=100")).Total.ShouldBe(NamedEnterprises - 2 + DirectoryFixture.FillerCount);
    }

    [Theory, BothDatabases]
    public async Task Tag_filters_must_all_match(Db db)
    {
        var rows = await fixture.RowsAsync(db);
        (await ListAsync(db, "tag=ux")).Items.Select(i => i.Id).ShouldBe([rows.PureUnderscore, rows.PureSpace], ignoreOrder: true);
        (await ListAsync(db, "tag=ux&tag=craft")).Items.Select(i => i.Id).ShouldBe([rows.PureSpace]);
        (await ListAsync(db, "tag=ux&tag=film")).Total.ShouldBe(0);
        var xinghe = (await ListAsync(db, "tag=动画")).Items.ShouldHaveSingleItem();
        xinghe.Tags.ShouldBe(["动画", "animation"]);
    }

    [Theory, BothDatabases]
    public async Task Sorts_order_by_the_chosen_field(Db db)
    {
        var rows = await fixture.RowsAsync(db);
        var government = await fixture.ClientAsAsync(db, Roles.Government);
        (await government.PageAsync<EnterpriseItem>("/api/v1/enterprises?sort=employees")).Items[0].Id.ShouldBe(rows.Lightshadow);
        (await government.PageAsync<EnterpriseItem>("/api/v1/enterprises?sort=revenue")).Items.Take(2).Select(i => i.Id).ShouldBe([rows.Lightshadow, rows.Xinghe]);
        (await ListAsync(db, "sort=founded")).Items[0].Id.ShouldBe(rows.PureUnderscore);
        var byName = await ListAsync(db, "sort=name&pageSize=100");
        byName.Items.Select(i => i.NameEn).ShouldBe(byName.Items.Select(i => i.NameEn).OrderBy(n => n, StringComparer.Ordinal));
        (await ListAsync(db, "")).Items[0].NameEn.ShouldBe("100% Pure_Form Lab");
    }

    [Theory, BothDatabases]
    public async Task Pages_carry_the_total_and_split_the_results(Db db)
    {
        var first = await ListAsync(db, "q=filler&pageSize=10&page=1");
        var third = await ListAsync(db, "q=filler&pageSize=10&page=3");
        var beyond = await ListAsync(db, "q=filler&pageSize=10&page=4");
        first.Total.ShouldBe(DirectoryFixture.FillerCount);
        (first.Page, first.PageSize, first.Items.Count).ShouldBe((1, 10, 10));
        third.Items.Count.ShouldBe(5);
        third.Total.ShouldBe(DirectoryFixture.FillerCount);
        beyond.Items.ShouldBeEmpty();
        beyond.Total.ShouldBe(DirectoryFixture.FillerCount);
        var all = await ListAsync(db, "q=filler&pageSize=100");
        all.Items.Select(i => i.Id).ShouldBe(first.Items.Concat((await ListAsync(db, "q=filler&pageSize=10&page=2")).Items).Concat(third.Items).Select(i => i.Id));
    }

    [Theory, BothDatabases]
    public async Task Pages_of_a_two_character_search_carry_the_total_and_split_the_results(Db db)
    {
        // PostgreSQL answers 填充 without an index, reading all matches in one pass and slicing the page.
        var term = Uri.EscapeDataString("填充");
        var pages = new List<int>();
        for (var page = 1; page <= 3; page++)
        {
            var result = await ListAsync(db, $"q={term}&pageSize=10&page={page}");
            result.Total.ShouldBe(DirectoryFixture.FillerCount);
            pages.AddRange(result.Items.Select(i => i.Id));
        }
        var all = await ListAsync(db, $"q={term}&pageSize=100");

        pages.ShouldBe(all.Items.Select(i => i.Id));
        (await ListAsync(db, $"q={term}&pageSize=10&page=4")).Items.ShouldBeEmpty();
    }

    [Theory, BothDatabases]
    public async Task Default_page_size_is_twenty(Db db)
    {
        var page = await ListAsync(db, "");
        (page.Page, page.PageSize, page.Items.Count, page.Total).ShouldBe((1, 20, 20, NamedEnterprises + DirectoryFixture.FillerCount));
    }

    [Theory, BothDatabases]
    public async Task Enterprise_detail_has_revenue_by_year_for_the_government(Db db)
    {
        var rows = await fixture.RowsAsync(db);
        var government = await fixture.ClientAsAsync(db, Roles.Government);
        var detail = await government.DetailAsync<EnterpriseDetail>($"/api/v1/enterprises/{rows.Xinghe}");
        detail.NameZh.ShouldBe("北京星河数字设计有限公司");
        detail.NameEn.ShouldBe("Xinghe Digital Design Co.");
        detail.CategoryNameEn.ShouldBe("Creative design");
        detail.ParkNameEn.ShouldBe("Chaoyang Cultural Creative Park");
        detail.Revenues.ShouldBe([new EnterpriseRevenueYear(2023, 40_000_000), new EnterpriseRevenueYear(2024, 45_000_000), new EnterpriseRevenueYear(2025, 50_000_000)]);
    }
}
