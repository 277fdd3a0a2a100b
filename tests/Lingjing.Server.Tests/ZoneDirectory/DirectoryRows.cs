using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lingjing.Server.Tests.ZoneDirectory;

/// <summary>The known rows of <see cref="DirectoryFixture"/>: names chosen so that each search
/// behaviour has exactly one right answer.</summary>
public sealed record DirectoryRows(int ChaoyangPark, int ArtDistrictPark, int Xinghe, int Lightshadow, int Moxiang,
    int PureUnderscore, int PureSpace, int Quotes, int Emoji, int LegalInstitution, int FinanceInstitution,
    int Theatre, int MeetingRoom, int Studio)
{
    public static async Task<DirectoryRows> InsertAsync(IServiceScopeFactory scopes)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();

        var chaoyang = NewPark("P01", "朝阳文化创意产业园", "Chaoyang Cultural Creative Park", 2008);
        var artDistrict = NewPark("P02", "七九八艺术区", "798 Art District", 2002);
        db.Set<Park>().AddRange(chaoyang, artDistrict);
        await db.SaveChangesAsync();

        var xinghe = NewEnterprise(chaoyang, "北京星河数字设计有限公司", "Xinghe Digital Design Co.", "creative-design", 2015, 120, true, 50_000_000, ["动画", "animation"]);
        xinghe.Revenues = [new() { Year = 2023, RevenueYuan = 40_000_000 }, new() { Year = 2024, RevenueYuan = 45_000_000 }, new() { Year = 2025, RevenueYuan = 50_000_000 }];
        var lightshadow = NewEnterprise(artDistrict, "光影影视制作公司", "Lightshadow Film Studio", "radio-film-tv", 2010, 300, true, 90_000_000, ["film"]);
        var moxiang = NewEnterprise(chaoyang, "墨香出版社", "Moxiang Press", "news-publishing", 2001, 40, false, 5_000_000, ["books"]);
        moxiang.DescriptionZh = "专注设计类图书的出版社";
        var pureUnderscore = NewEnterprise(artDistrict, "百分百实验室", "100% Pure_Form Lab", "digital-content", 2020, 15, false, 2_000_000, ["ux"]);
        var pureSpace = NewEnterprise(artDistrict, "纯粹工坊", "Pure Form Workshop", "arts-crafts", 2019, 8, false, 1_000_000, ["ux", "craft"]);
        var quotes = NewEnterprise(chaoyang, "引号游戏", "O'Brien \"Quoted\" Games AND OR NOT", "digital-content", 2018, 25, false, 3_000_000, ["games"]);
        var emoji = NewEnterprise(chaoyang, "调色板艺术", "Palette 🎨 Arts", "arts-crafts", 2016, 12, false, 1_500_000, ["painting"]);
        db.Set<Enterprise>().AddRange(xinghe, lightshadow, moxiang, pureUnderscore, pureSpace, quotes, emoji);
        for (var n = 1; n <= DirectoryFixture.FillerCount; n++)
            db.Set<Enterprise>().Add(NewEnterprise(artDistrict, $"填充演艺公司{n:00}", $"Filler Stage Company {n:00}", "performing-arts",
                2000 + n % 20, 10 + n, false, 100_000 * n, ["filler"]));

        var legal = new Institution
        {
            ParkId = chaoyang.Id, NameZh = "正义律师事务所", NameEn = "Justice Law Firm", ServiceType = "legal", Tags = ["contracts"],
            DescriptionEn = "Copyright and contract law for creative companies",
        };
        var finance = new Institution { NameZh = "文化金融服务中心", NameEn = "Culture Finance Centre", ServiceType = "finance", Tags = ["loans"] };
        db.Set<Institution>().AddRange(legal, finance);

        var theatre = NewSpace(chaoyang, "星光剧场", "Starlight Theatre", "theatre", 600, ["舞台灯光", "stage lighting"]);
        var meetingRoom = NewSpace(chaoyang, "创意会议室", "Creative Meeting Room", "meeting-room", 20, ["projector"]);
        var studio = NewSpace(artDistrict, "光影摄影棚", "Lightshadow Photo Studio", "studio", 40, ["green screen"]);
        db.Set<Space>().AddRange(theatre, meetingRoom, studio);

        foreach (var e in db.ChangeTracker.Entries<Enterprise>()) e.Entity.SearchText = SearchText.For(e.Entity);
        legal.SearchText = SearchText.For(legal);
        finance.SearchText = SearchText.For(finance);
        foreach (var s in new[] { theatre, meetingRoom, studio }) s.SearchText = SearchText.For(s);
        await db.SaveChangesAsync();

        return new DirectoryRows(chaoyang.Id, artDistrict.Id, xinghe.Id, lightshadow.Id, moxiang.Id, pureUnderscore.Id, pureSpace.Id,
            quotes.Id, emoji.Id, legal.Id, finance.Id, theatre.Id, meetingRoom.Id, studio.Id);
    }

    private static Park NewPark(string code, string nameZh, string nameEn, int opened)
    {
        var park = new Park
        {
            Code = code, NameZh = nameZh, NameEn = nameEn, AddressZh = "北京市朝阳区", AddressEn = "Chaoyang District, Beijing",
            Boundary = "[[0,0],[100,0],[100,100],[0,100]]", OpenedYear = opened, Latitude = 39.9, Longitude = 116.4,
            Buildings = [new() { NameZh = "一号楼", NameEn = "Building 1", Footprint = "[[0,0],[10,0],[10,10]]", Floors = 5, HeightMeters = 20 }],
        };
        park.SearchText = SearchText.For(park);
        return park;
    }

    internal static Enterprise NewEnterprise(Park park, string nameZh, string nameEn, string category, int founded, int employees,
        bool above, long revenue, List<string> tags) => new()
    {
        ParkId = park.Id, CreditCode = "91110105" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant(), NameZh = nameZh,
        NameEn = nameEn, Category = category, FoundedOn = new DateOnly(founded, 3, 1), Employees = employees,
        AboveDesignatedSize = above, LatestRevenueYuan = revenue, Tags = tags, UpdatedAt = TestClock.Now.UtcDateTime,
    };

    private static Space NewSpace(Park park, string nameZh, string nameEn, string type, int capacity, List<string> equipment) => new()
    {
        ParkId = park.Id, NameZh = nameZh, NameEn = nameEn, SpaceType = type, Capacity = capacity, AreaSquareMeters = capacity * 2,
        OpensAt = new TimeOnly(9, 0), ClosesAt = new TimeOnly(21, 0), OpenDays = 0b0011111, Equipment = equipment,
    };
}
