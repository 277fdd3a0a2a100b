using System.Net;
using Lingjing.Server.Tests.Infrastructure;

namespace Lingjing.Server.Tests.PolicyServices;

public sealed class PolicyConcurrencyTests
{
    [Theory, BothDatabases]
    public async Task Concurrent_applications_of_one_enterprise_give_one_201_and_409s(Db db)
    {
        await using var scene = await PolicyScene.StartAsync(db);
        var id = await scene.PublishAsync("employees >= 1");
        var alpha = await scene.ClientAsync(scene.AlphaAdmin);

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            alpha.PostAsync($"/api/v1/policies/{id}/applications", PolicyScene.ApplicationForm(("licence.pdf", PolicyScene.Pdf())))));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(7);
        var stored = Directory.GetDirectories(Path.Combine(scene.App.DataDirectory, "uploads", "policies"))
            .Sum(d => Directory.GetFiles(d).Length);
        stored.ShouldBe(1, "the refused applications' materials are removed");
    }
}
