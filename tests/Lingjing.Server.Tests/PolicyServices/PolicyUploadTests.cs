using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Tests.Infrastructure;

namespace Lingjing.Server.Tests.PolicyServices;

public sealed class PolicyUploadTests
{
    public static TheoryData<string, string> Refused => new()
    {
        { "too-big", "at most 5 MB" },
        { "exe", "not an accepted type" },
        { "disguised", "does not look like a PDF" },
        { "empty", "is empty" },
        { "too-many", "At most 5 materials" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Materials_outside_the_limits_get_400_and_nothing_is_stored(string kind, string expected)
    {
        await using var scene = await PolicyScene.StartAsync(Db.Sqlite);
        var id = await scene.PublishAsync("employees >= 1");
        var alpha = await scene.ClientAsync(scene.AlphaAdmin);
        (string, byte[])[] files = kind switch
        {
            "too-big" => [("big.pdf", PolicyScene.Pdf(5 * 1024 * 1024 + 1))],
            "exe" => [("tool.exe", [0x4D, 0x5A, 0x90, 0x00])],
            "disguised" => [("licence.pdf", [0x4D, 0x5A, 0x90, 0x00, 0x03])],
            "empty" => [("empty.pdf", [])],
            _ => Enumerable.Range(1, 6).Select(i => ($"f{i}.pdf", PolicyScene.Pdf())).ToArray(),
        };

        var response = await alpha.PostAsync($"/api/v1/policies/{id}/applications", PolicyScene.ApplicationForm(files));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<Problem>())!.Detail!.ShouldContain(expected);
        (await alpha.GetFromJsonAsync<JsonElement>("/api/v1/me/policies/applications")).GetArrayLength().ShouldBe(0);
        Directory.Exists(Path.Combine(scene.App.DataDirectory, "uploads", "policies")).ShouldBeFalse();
    }

    [Fact]
    public async Task Accepted_materials_are_stored_under_the_data_directory_and_download_unchanged()
    {
        await using var scene = await PolicyScene.StartAsync(Db.Sqlite);
        var id = await scene.PublishAsync("employees >= 1");
        var alpha = await scene.ClientAsync(scene.AlphaAdmin);
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3 };
        var application = await PolicyScene.ApplyAsync(alpha, id, ("licence.pdf", PolicyScene.Pdf()), ("photo.png", png));

        var detail = await alpha.GetFromJsonAsync<JsonElement>($"/api/v1/policies/applications/{application}");
        var materials = detail.GetProperty("materials").EnumerateArray().ToList();
        materials.Select(m => m.GetProperty("fileName").GetString()).Order().ShouldBe(["licence.pdf", "photo.png"]);
        var photo = materials.Single(m => m.GetProperty("fileName").GetString() == "photo.png");
        var stored = Path.Combine(scene.App.DataDirectory, "uploads", "policies", application.ToString("N"), photo.GetProperty("id").GetGuid().ToString("N"));
        File.Exists(stored).ShouldBeTrue();

        var download = await alpha.GetAsync($"/api/v1/policies/applications/{application}/materials/{photo.GetProperty("id").GetGuid()}");
        download.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(png);
    }

    [Fact]
    public async Task Application_without_form_data_or_contact_gets_400()
    {
        await using var scene = await PolicyScene.StartAsync(Db.Sqlite);
        var id = await scene.PublishAsync("employees >= 1");
        var alpha = await scene.ClientAsync(scene.AlphaAdmin);
        (await alpha.PostAsJsonAsync($"/api/v1/policies/{id}/applications", new { contactName = "x" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var noPhone = new MultipartFormDataContent { { new StringContent("Wang"), "contactName" } };
        var response = await alpha.PostAsync($"/api/v1/policies/{id}/applications", noPhone);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<Problem>())!.Detail!.ShouldContain("contact phone");
    }
}
