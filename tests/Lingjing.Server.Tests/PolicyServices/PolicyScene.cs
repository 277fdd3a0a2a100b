using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lingjing.Server.Tests.PolicyServices;

/// <summary>One park with three enterprises (an administrator each) and a government officer.
/// Alpha: digital-content, 30 employees, high-tech, revenue +20 % last year.
/// Beta: creative-design, 10 employees, no tags, revenue flat.
/// Gamma: digital-content, 50 employees, no tags, revenue +5 %.
/// <para><see cref="SharedAsync"/> puts the scene on the run's shared server (<see cref="SharedApps"/>): its rules are
/// scoped to the scene's park (<see cref="Scoped"/>), so they match only its own enterprises, and a test asserts only on
/// its own policies, applications and enterprises. A test whose subject is the whole zone (a full rematch, the
/// catalogue, analytics, the rule preview's counts, uploads on disk, the scheduler's settings) uses
/// <see cref="StartAsync"/>: a zone of its own.</para></summary>
public sealed class PolicyScene : IAsyncDisposable
{
    public string Gov { get; } = SharedApps.Email("gov");
    public string AlphaAdmin { get; } = SharedApps.Email("alpha");
    public string BetaAdmin { get; } = SharedApps.Email("beta");
    public string GammaAdmin { get; } = SharedApps.Email("gamma");

    public required LingjingApp App { get; init; }
    public required int ParkId { get; init; }
    public required int Alpha { get; init; }
    public required int Beta { get; init; }
    public required int Gamma { get; init; }
    /// <summary>On the shared server: rules are scoped to the park, and the server outlives the scene.</summary>
    public bool Shared { get; private init; }

    /// <summary>A zone of its own, on a server of its own.</summary>
    public static async Task<PolicyScene> StartAsync(Db db, IDictionary<string, string?>? settings = null) =>
        await PopulateAsync(await LingjingApp.StartAsync(db, demo: false, settings), shared: false);

    /// <summary>A park of its own on the run's shared server.</summary>
    public static async Task<PolicyScene> SharedAsync(Db db) => await PopulateAsync(await SharedApps.Blank(db), shared: true);

    private static async Task<PolicyScene> PopulateAsync(LingjingApp app, bool shared)
    {
        int parkId, alpha, beta, gamma;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
            var park = ZoneRows.Park("Policy Test Park");
            context.Add(park);
            await context.SaveChangesAsync();
            parkId = park.Id;
            alpha = await AddAsync(context, parkId, "Alpha Digital", "digital-content", 30, ["high-tech"], [1_000_000, 1_200_000]);
            beta = await AddAsync(context, parkId, "Beta Design", "creative-design", 10, [], [500_000, 500_000]);
            gamma = await AddAsync(context, parkId, "Gamma Media", "digital-content", 50, [], [2_000_000, 2_100_000]);
        }
        var scene = new PolicyScene { App = app, ParkId = parkId, Alpha = alpha, Beta = beta, Gamma = gamma, Shared = shared };
        await TestUsers.CreateAsync(app, scene.Gov, Roles.Government);
        await TestUsers.CreateAsync(app, scene.AlphaAdmin, Roles.EnterpriseAdmin, enterpriseId: alpha);
        await TestUsers.CreateAsync(app, scene.BetaAdmin, Roles.EnterpriseAdmin, enterpriseId: beta);
        await TestUsers.CreateAsync(app, scene.GammaAdmin, Roles.EnterpriseAdmin, enterpriseId: gamma);
        return scene;
    }

    /// <summary>The rule as this scene publishes it: on the shared server it also requires the scene's park.</summary>
    public string Scoped(string rule) => Shared ? $"({rule}) and park.id == {ParkId}" : rule;

    private static async Task<int> AddAsync(LingjingDbContext context, int parkId, string name, string category, int employees, List<string> tags, long[] revenues)
    {
        var enterprise = ZoneRows.Enterprise(parkId, name);
        enterprise.Category = category;
        enterprise.Employees = employees;
        enterprise.Tags = tags;
        enterprise.LatestRevenueYuan = revenues[^1];
        context.Add(enterprise);
        await context.SaveChangesAsync();
        for (var i = 0; i < revenues.Length; i++)
            context.Add(new EnterpriseRevenue { EnterpriseId = enterprise.Id, Year = 2024 + i, RevenueYuan = revenues[i] });
        await context.SaveChangesAsync();
        return enterprise.Id;
    }

    public Task<HttpClient> ClientAsync(string email) => App.SignedInAsync(email, TestUsers.Password);

    public static object PolicyBody(string rule, string mode = "apply", string title = "Digital content growth award", long? amount = 100_000, string? formula = null) => new
    {
        titleZh = "数字内容成长奖励",
        titleEn = title,
        departmentZh = "区文化产业发展中心",
        departmentEn = "District Cultural Industry Office",
        level = "district",
        category = "grant",
        summaryZh = "奖励成长快的数字内容企业。",
        summaryEn = "Rewards fast-growing digital content enterprises.",
        fullText = "# Article 1\n\nEnterprises **qualify** when <script>alert(1)</script> the rule holds. [link](javascript:alert(1))",
        validFrom = "2020-01-01",
        validUntil = "2099-12-31",
        benefitAmountYuan = formula is null ? amount : null,
        benefitFormula = formula,
        guideTargets = "Digital content enterprises of the zone",
        guideConditions = "See the rule",
        guideMaterials = "Business licence (PDF)",
        applicationDeadline = "2099-06-30",
        guideContact = "010-12345678",
        mode,
        rule,
    };

    /// <summary>Creates and publishes a policy as government (its rule <see cref="Scoped"/>); returns its id.</summary>
    public async Task<int> PublishAsync(string rule, string mode = "apply", long? amount = 100_000, string? formula = null)
    {
        var gov = await ClientAsync(Gov);
        var created = await gov.PostAsJsonAsync("/api/v1/policies", PolicyBody(Scoped(rule), mode, amount: amount, formula: formula));
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        (await gov.PostAsync($"/api/v1/policies/{id}/publish", null)).EnsureSuccessStatusCode();
        return id;
    }

    public static MultipartFormDataContent ApplicationForm(params (string Name, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent("Wang Fang"), "contactName" },
            { new StringContent("+86 10 1234 5678"), "contactPhone" },
            { new StringContent("We grew 20 % last year."), "statement" },
        };
        foreach (var (name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "materials", name);
        }
        return form;
    }

    public static byte[] Pdf(int size = 2_000)
    {
        var bytes = new byte[size];
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return bytes;
    }

    public static async Task<Guid> ApplyAsync(HttpClient client, int policyId, params (string, byte[])[] files)
    {
        var response = await client.PostAsync($"/api/v1/policies/{policyId}/applications", ApplicationForm(files));
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("application").GetProperty("id").GetGuid();
    }

    public async Task<T> DbAsync<T>(Func<LingjingDbContext, Task<T>> query)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<LingjingDbContext>());
    }

    public ValueTask DisposeAsync() => Shared ? ValueTask.CompletedTask : App.DisposeAsync();
}
