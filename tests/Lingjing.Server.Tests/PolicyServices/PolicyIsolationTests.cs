using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Tests.Infrastructure;

namespace Lingjing.Server.Tests.PolicyServices;

/// <summary>An enterprise never sees or changes another enterprise's application; forged ids give 404.</summary>
public sealed class PolicyIsolationTests
{
    [Theory, BothDatabases]
    public async Task Another_enterprise_gets_404_for_forged_application_material_and_eligibility_ids(Db db)
    {
        await using var scene = await PolicyScene.SharedAsync(db);
        var id = await scene.PublishAsync("category == \"digital-content\"");
        var alpha = await scene.ClientAsync(scene.AlphaAdmin);
        var gamma = await scene.ClientAsync(scene.GammaAdmin);
        var application = await PolicyScene.ApplyAsync(alpha, id, ("licence.pdf", PolicyScene.Pdf()));
        var material = (await alpha.GetFromJsonAsync<JsonElement>($"/api/v1/policies/applications/{application}"))
            .GetProperty("materials")[0].GetProperty("id").GetGuid();

        (await alpha.GetAsync($"/api/v1/policies/applications/{application}/materials/{material}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await gamma.GetAsync($"/api/v1/policies/applications/{application}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await gamma.GetAsync($"/api/v1/policies/applications/{application}/materials/{material}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await gamma.GetAsync($"/api/v1/policies/{id}/eligibility?enterpriseId={scene.Alpha}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await gamma.GetAsync($"/api/v1/policies/applications/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var gammaApplications = await gamma.GetFromJsonAsync<JsonElement>("/api/v1/me/policies/applications");
        gammaApplications.GetArrayLength().ShouldBe(0);

        // Reviewer actions are for government only: an enterprise cannot move even its own application.
        (await gamma.PostAsync($"/api/v1/policies/applications/{application}/start-review", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await alpha.PostAsync($"/api/v1/policies/applications/{application}/start-review", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await gamma.GetAsync("/api/v1/policies/applications")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var gov = await scene.ClientAsync(scene.Gov);
        (await gov.GetAsync($"/api/v1/policies/applications/{application}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await gov.GetAsync($"/api/v1/policies/{id}/eligibility?enterpriseId={scene.Alpha}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory, BothDatabases]
    public async Task Enterprises_cannot_write_policies_or_see_drafts(Db db)
    {
        await using var scene = await PolicyScene.StartAsync(db);
        var alpha = await scene.ClientAsync(scene.AlphaAdmin);
        var gov = await scene.ClientAsync(scene.Gov);
        (await alpha.PostAsJsonAsync("/api/v1/policies", PolicyScene.PolicyBody("employees > 1"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var draft = await gov.PostAsJsonAsync("/api/v1/policies", PolicyScene.PolicyBody("employees > 1"));
        var id = (await draft.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        (await alpha.GetAsync($"/api/v1/policies/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await alpha.GetFromJsonAsync<JsonElement>("/api/v1/policies")).GetProperty("total").GetInt32().ShouldBe(0);
        (await alpha.PostAsync($"/api/v1/policies/{id}/applications", PolicyScene.ApplicationForm())).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await alpha.PostAsync($"/api/v1/policies/{id}/publish", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await gov.GetFromJsonAsync<JsonElement>("/api/v1/policies")).GetProperty("total").GetInt32().ShouldBe(1);
    }
}
