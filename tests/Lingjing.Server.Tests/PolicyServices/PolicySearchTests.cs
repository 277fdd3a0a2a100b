using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Tests.Infrastructure;

namespace Lingjing.Server.Tests.PolicyServices;

/// <summary>What a person types into a search box finds policies and applications whatever its case,
/// in either language (the one <c>TextMatch</c> way, translated to SQL on both databases).</summary>
public sealed class PolicySearchTests
{
    [Theory, BothDatabases]
    public async Task Policies_applications_and_the_public_catalogue_are_found_ignoring_case_in_both_languages(Db db)
    {
        await using var scene = await PolicyScene.StartAsync(db);
        var id = await scene.PublishAsync("employees >= 20");
        await PolicyScene.ApplyAsync(await scene.ClientAsync(scene.AlphaAdmin), id);
        var gov = await scene.ClientAsync(scene.Gov);
        var anonymous = scene.App.CreateClient();

        foreach (var typed in new[] { "  GROWTH award ", "数字内容", "district CULTURAL" })
        {
            (await IdsAsync(gov, $"/api/v1/policies?q={Uri.EscapeDataString(typed)}")).ShouldBe([id], typed);
            (await IdsAsync(anonymous, $"/api/v1/public/policies?q={Uri.EscapeDataString(typed)}")).ShouldBe([id], typed);
        }
        (await IdsAsync(gov, "/api/v1/policies?q=nothing%20like%20this")).ShouldBeEmpty();

        foreach (var typed in new[] { "ALPHA digital", "growth AWARD" })
            (await ApplicantsAsync(gov, $"/api/v1/policies/applications?q={Uri.EscapeDataString(typed)}")).ShouldBe([scene.Alpha], typed);
        (await ApplicantsAsync(gov, "/api/v1/policies/applications?q=beta")).ShouldBeEmpty();
    }

    private static async Task<int[]> IdsAsync(HttpClient client, string path) =>
        (await client.GetFromJsonAsync<JsonElement>(path)).GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetInt32()).ToArray();

    private static async Task<int[]> ApplicantsAsync(HttpClient client, string path) =>
        (await client.GetFromJsonAsync<JsonElement>(path)).GetProperty("items").EnumerateArray().Select(a => a.GetProperty("enterpriseId").GetInt32()).ToArray();
}
