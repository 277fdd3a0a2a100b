using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lingjing.Server.Tests.Collaboration;

/// <summary>Two parks of their own on the run's shared server. North: a museum that needs partners (80 people), an
/// animation studio (25, high-tech) and an IP law firm (a service institution, government-certified); South: a print shop
/// (120). Each enterprise has an administrator and the law firm a staff member; North has a park operator; the zone a
/// government officer; the studio an employee (who reads but does not publish).</summary>
public sealed class CollaborationScene
{
    public string Museum { get; } = SharedApps.Email("museum");
    public string Studio { get; } = SharedApps.Email("studio");
    public string Printer { get; } = SharedApps.Email("printer");
    public string NorthOperator { get; } = SharedApps.Email("north.operator");
    public string Gov { get; } = SharedApps.Email("collab.gov");
    public string StudioEmployee { get; } = SharedApps.Email("studio.employee");
    public string LawFirm { get; } = SharedApps.Email("lawfirm");

    public required LingjingApp App { get; init; }
    public required int North { get; init; }
    public required int South { get; init; }
    public required int MuseumId { get; init; }
    public required int StudioId { get; init; }
    public required int PrinterId { get; init; }
    public required int LawFirmId { get; init; }

    /// <summary>The scene on the run's shared server, or on <paramref name="app"/> (a test of settings).</summary>
    public static async Task<CollaborationScene> StartAsync(Db db, LingjingApp? app = null)
    {
        app ??= await SharedApps.Blank(db);
        int north, south, museum, studio, printer, lawFirm;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
            var (northPark, southPark) = (ZoneRows.Park("North Park"), ZoneRows.Park("South Park"));
            context.AddRange(northPark, southPark);
            await context.SaveChangesAsync();
            (north, south) = (northPark.Id, southPark.Id);
            var rows = new[]
            {
                Described(ZoneRows.Enterprise(north, "City Museum"), "cultural-tourism", 80, [], "城市博物馆，收藏与展览宋代陶瓷。"),
                Described(ZoneRows.Enterprise(north, "Blue Whale Animation"), "digital-content", 25, ["high-tech"], "三维动画制作、影视特效与数字展陈。"),
                Described(ZoneRows.Enterprise(south, "Inkstone Printing"), "news-publishing", 120, [], "书刊与画册印刷，装帧设计。"),
            };
            context.AddRange(rows);
            await context.SaveChangesAsync();
            (museum, studio, printer) = (rows[0].Id, rows[1].Id, rows[2].Id);
            var firm = new Features.Zone.Institution
            {
                ParkId = north, NameZh = "北辰知识产权律师事务所", NameEn = "Polestar IP Law Firm", ServiceType = "intellectual-property",
                DescriptionZh = "版权登记、著作权授权合同与侵权维权。", DescriptionEn = "Copyright registration, licensing contracts and enforcement.",
                Tags = ["government-certified"],
            };
            context.Add(firm);
            await context.SaveChangesAsync();
            lawFirm = firm.Id;
        }
        var scene = new CollaborationScene
        {
            App = app, North = north, South = south, MuseumId = museum, StudioId = studio, PrinterId = printer, LawFirmId = lawFirm,
        };
        await TestUsers.CreateAsync(app, scene.Museum, Roles.EnterpriseAdmin, enterpriseId: museum);
        await TestUsers.CreateAsync(app, scene.Studio, Roles.EnterpriseAdmin, enterpriseId: studio);
        await TestUsers.CreateAsync(app, scene.Printer, Roles.EnterpriseAdmin, enterpriseId: printer);
        await TestUsers.CreateAsync(app, scene.NorthOperator, Roles.ParkOperator, parkId: north);
        await TestUsers.CreateAsync(app, scene.Gov, Roles.Government);
        await TestUsers.CreateAsync(app, scene.StudioEmployee, Roles.Employee, enterpriseId: studio);
        await TestUsers.CreateAsync(app, scene.LawFirm, Roles.InstitutionStaff, institutionId: lawFirm);
        return scene;
    }

    private static Features.Zone.Enterprise Described(Features.Zone.Enterprise row, string category, int employees, List<string> tags, string descriptionZh)
    {
        (row.Category, row.Employees, row.Tags, row.DescriptionZh) = (category, employees, tags, descriptionZh);
        return row;
    }

    public Task<HttpClient> ClientAsync(string email) => App.SignedInAsync(email, TestUsers.Password);

    /// <summary>The museum's need for a 3D animation studio, with whatever the test changes.</summary>
    public static Dictionary<string, object?> NeedBody(string title = "3D animation studio for a museum project") => new()
    {
        ["title"] = title,
        ["description"] = "A 12-minute 3D film on Song dynasty ceramics for the new hall; storyboard ready.",
        ["segment"] = "animation",
        ["tags"] = new[] { "3D", "museum", " 3D " },
        ["budgetMinYuan"] = 300_000,
        ["budgetMaxYuan"] = 500_000,
        ["deadline"] = "2099-03-31",
        ["partnerSize"] = "small",
    };

    /// <summary>Publishes a need as <paramref name="email"/>; returns its id.</summary>
    public async Task<int> PublishNeedAsync(string email, Dictionary<string, object?>? body = null)
    {
        var response = await (await ClientAsync(email)).PostAsJsonAsync("/api/v1/collaboration/needs", body ?? NeedBody());
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("need").GetProperty("id").GetInt32();
    }
}
