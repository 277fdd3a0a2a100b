using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.PolicyServices;
using Lingjing.Server.Features.PolicyServices.Matters;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lingjing.Server.Tests.Government;

/// <summary>A server with one matter of the catalogue (a copyright registration with a certificate), a government
/// official and enterprises with their administrators.</summary>
public sealed class MatterScene : IAsyncDisposable
{
    public required LingjingApp App { get; init; }
    public required HttpClient Gov { get; init; }
    public required int MatterId { get; init; }
    public required IReadOnlyList<(int Enterprise, HttpClient Admin)> Enterprises { get; init; }

    public static async Task<MatterScene> StartAsync(Db db, int enterprises = 2, bool kestrel = false)
    {
        var app = await LingjingApp.StartAsync(db, demo: false, kestrel: kestrel);
        int matterId;
        var ids = new List<int>();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
            var park = ZoneRows.Park("Matter Park");
            context.Add(park);
            await context.SaveChangesAsync();
            var rows = Enumerable.Range(1, enterprises).Select(n => ZoneRows.Enterprise(park.Id, $"Studio {n}")).ToList();
            context.AddRange(rows);
            var matter = new Matter
            {
                Code = "IP-900", Category = ServiceCategories.CopyrightIp, TitleZh = "作品著作权登记", TitleEn = "Copyright registration of a work",
                DepartmentZh = "版权工作站", DepartmentEn = "Copyright Office", ConditionsZh = "作品已完成", ConditionsEn = "The work is complete",
                LegalDays = 10, CertificateTitleZh = "作品登记证书", CertificateTitleEn = "Certificate of Copyright Registration", CertificateValidYears = 5,
                Published = true, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            };
            matter.Describe(
                [new("licence", "营业执照", "Business licence", true), new("sample", "作品样本", "Sample of the work", true), new("authorisation", "授权书", "Authorisation", false)],
                [new("work", "作品名称", "Title of the work", MatterFieldKinds.Text, true), new("pages", "页数", "Pages", MatterFieldKinds.Number, true),
                 new("completed", "完成日期", "Completed on", MatterFieldKinds.Date, true), new("notes", "说明", "Notes", MatterFieldKinds.LongText, false)]);
            context.Add(matter);
            await context.SaveChangesAsync();
            matterId = matter.Id;
            ids.AddRange(rows.Select(r => r.Id));
        }
        await TestUsers.CreateAsync(app, "matter.gov@example.test", Roles.Government);
        var admins = new List<(int, HttpClient)>();
        foreach (var (enterprise, n) in ids.Select((e, n) => (e, n)))
        {
            await TestUsers.CreateAsync(app, $"matter.admin{n}@example.test", Roles.EnterpriseAdmin, enterpriseId: enterprise);
            admins.Add((enterprise, await app.SignedInAsync($"matter.admin{n}@example.test", TestUsers.Password)));
        }
        return new MatterScene { App = app, Gov = await app.SignedInAsync("matter.gov@example.test", TestUsers.Password), MatterId = matterId, Enterprises = admins };
    }

    /// <summary>A complete application: every required field and material.</summary>
    public static MultipartFormDataContent Form(string work = "Moonlit Parks", string pages = "120", string completed = "2026-03-01",
        bool licence = true, bool sample = true, params (string Name, string Value)[] extra)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent("Wang Fang"), "contactName" },
            { new StringContent("13800001234"), "contactPhone" },
            { new StringContent(work), "field.work" },
            { new StringContent(pages), "field.pages" },
            { new StringContent(completed), "field.completed" },
        };
        foreach (var (name, value) in extra) form.Add(new StringContent(value), name);
        if (licence) form.Add(File("licence.pdf"), "material.licence", "licence.pdf");
        if (sample) form.Add(File("sample.pdf"), "material.sample", "sample.pdf");
        return form;
    }

    private static ByteArrayContent File(string name)
    {
        var content = new ByteArrayContent([.. "%PDF-1.4 "u8.ToArray(), .. new byte[500]]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return content;
    }

    public async Task<Guid> ApplyAsync(HttpClient admin, MultipartFormDataContent? form = null)
    {
        var response = await admin.PostAsync($"/api/v1/matters/{MatterId}/applications", form ?? Form());
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("application").GetProperty("id").GetGuid();
    }

    public async Task<JsonElement> MoveAsync(Guid application, string action, string? reason = null)
    {
        var response = await Gov.PostAsJsonAsync($"/api/v1/policies/applications/{application}/{action}", new { reason });
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}
