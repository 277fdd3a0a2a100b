using Lingjing.Server.Tests.Infrastructure;
using static Lingjing.Server.Features.Directory.InstitutionDirectory;
using static Lingjing.Server.Features.Directory.ParkDirectory;
using static Lingjing.Server.Features.Directory.SpaceDirectory;

namespace Lingjing.Server.Tests.ZoneDirectory;

[Collection(DirectoryCollection.Name)]
public sealed class OtherDirectoriesTests(DirectoryFixture fixture)
{
    [Theory, BothDatabases]
    public async Task Parks_are_searchable_and_carry_counts(Db db)
    {
        var rows = await fixture.RowsAsync(db);
        var client = await fixture.ClientAsync(db);
        var art = (await client.PageAsync<ParkItem>("/api/v1/parks?q=" + Uri.EscapeDataString("艺术"))).Items.ShouldHaveSingleItem();
        art.Id.ShouldBe(rows.ArtDistrictPark);
        art.Enterprises.ShouldBe(3 + DirectoryFixture.FillerCount);
        art.Spaces.ShouldBe(1);
        (await client.PageAsync<ParkItem>("/api/v1/parks?q=798")).Items.Select(p => p.Id).ShouldBe([rows.ArtDistrictPark]);
        (await client.PageAsync<ParkItem>("/api/v1/parks?sort=opened")).Items.Select(p => p.Id).ShouldBe([rows.ArtDistrictPark, rows.ChaoyangPark]);
    }

    [Theory, BothDatabases]
    public async Task Park_detail_lists_its_buildings(Db db)
    {
        var rows = await fixture.RowsAsync(db);
        var park = await (await fixture.ClientAsync(db)).DetailAsync<ParkDetail>($"/api/v1/parks/{rows.ChaoyangPark}");
        park.NameZh.ShouldBe("朝阳文化创意产业园");
        park.Buildings.ShouldHaveSingleItem().NameEn.ShouldBe("Building 1");
        (park.Enterprises, park.EnterprisesAboveDesignatedSize, park.Institutions, park.Spaces).ShouldBe((4, 1, 1, 2));
    }

    [Theory, BothDatabases]
    public async Task Institutions_filter_by_service_type_park_and_tag(Db db)
    {
        var rows = await fixture.RowsAsync(db);
        var client = await fixture.ClientAsync(db);
        (await client.PageAsync<InstitutionItem>("/api/v1/institutions?serviceType=legal")).Items.Select(i => i.Id).ShouldBe([rows.LegalInstitution]);
        (await client.PageAsync<InstitutionItem>($"/api/v1/institutions?parkId={rows.ChaoyangPark}")).Items.Select(i => i.Id).ShouldBe([rows.LegalInstitution]);
        var finance = (await client.PageAsync<InstitutionItem>("/api/v1/institutions?tag=loans")).Items.ShouldHaveSingleItem();
        finance.Id.ShouldBe(rows.FinanceInstitution);
        (finance.ParkId, finance.ServiceTypeNameZh).ShouldBe((null, "金融服务"));
        (await client.PageAsync<InstitutionItem>("/api/v1/institutions?q=copyright")).Items.Select(i => i.Id).ShouldBe([rows.LegalInstitution]);
        (await client.PageAsync<InstitutionItem>("/api/v1/institutions?q=" + Uri.EscapeDataString("金融"))).Items.Select(i => i.Id).ShouldBe([rows.FinanceInstitution]);
    }

    [Theory, BothDatabases]
    public async Task Institution_detail_names_its_park(Db db)
    {
        var rows = await fixture.RowsAsync(db);
        var legal = await (await fixture.ClientAsync(db)).DetailAsync<InstitutionDetail>($"/api/v1/institutions/{rows.LegalInstitution}");
        legal.ParkNameEn.ShouldBe("Chaoyang Cultural Creative Park");
        legal.ServiceTypeNameEn.ShouldBe("Legal services");
    }

    [Theory, BothDatabases]
    public async Task Spaces_filter_by_type_park_and_capacity(Db db)
    {
        var rows = await fixture.RowsAsync(db);
        var client = await fixture.ClientAsync(db);
        (await client.PageAsync<SpaceItem>("/api/v1/spaces?type=theatre")).Items.Select(s => s.Id).ShouldBe([rows.Theatre]);
        (await client.PageAsync<SpaceItem>($"/api/v1/spaces?parkId={rows.ArtDistrictPark}")).Items.Select(s => s.Id).ShouldBe([rows.Studio]);
        (await client.PageAsync<SpaceItem>("/api/v1/spaces?minCapacity=30&sort=capacity")).Items.Select(s => s.Id).ShouldBe([rows.Theatre, rows.Studio]);
        (await client.PageAsync<SpaceItem>("/api/v1/spaces?q=" + Uri.EscapeDataString("灯光"))).Items.Select(s => s.Id).ShouldBe([rows.Theatre]);
        (await client.PageAsync<SpaceItem>("/api/v1/spaces?q=green+screen")).Items.Select(s => s.Id).ShouldBe([rows.Studio]);
    }

    [Theory, BothDatabases]
    public async Task Space_detail_has_opening_days_and_equipment(Db db)
    {
        var rows = await fixture.RowsAsync(db);
        var theatre = await (await fixture.ClientAsync(db)).DetailAsync<SpaceDetail>($"/api/v1/spaces/{rows.Theatre}");
        theatre.OpenDays.ShouldBe([1, 2, 3, 4, 5]);
        theatre.Equipment.ShouldBe(["舞台灯光", "stage lighting"]);
        (theatre.OpensAt, theatre.ClosesAt).ShouldBe((new TimeOnly(9, 0), new TimeOnly(21, 0)));
        theatre.TypeNameZh.ShouldBe("剧场");
    }
}
