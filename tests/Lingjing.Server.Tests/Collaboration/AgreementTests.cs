using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Tests.Infrastructure;

namespace Lingjing.Server.Tests.Collaboration;

/// <summary>Agreements: the need's enterprise proposes, the partner confirms (the need becomes agreed), both rate once,
/// and the record counts in later matching.</summary>
public sealed class AgreementTests
{
    private static object Proposal(int partner) =>
        new { partnerEnterpriseId = partner, what = "A 12-minute 3D film", amountBand = "100k-500k", startsOn = "2027-01-10", endsOn = "2027-03-31" };

    [Theory, BothDatabases]
    public async Task Proposed_confirmed_rated_and_counted_in_later_matching(Db db)
    {
        var scene = await CollaborationScene.StartAsync(db);
        var body = CollaborationScene.NeedBody("宋代陶瓷三维动画制作");
        (body["visibility"], body["parkIds"]) = ("parks", new[] { scene.North, scene.South });
        var need = await scene.PublishNeedAsync(scene.Museum, body);
        var museum = await scene.ClientAsync(scene.Museum);
        var studio = await scene.ClientAsync(scene.Studio);

        var proposed = await museum.PostAsJsonAsync($"/api/v1/collaboration/needs/{need}/agreements", Proposal(scene.StudioId));
        proposed.StatusCode.ShouldBe(HttpStatusCode.Created, await proposed.Content.ReadAsStringAsync());
        var id = (await proposed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        (await museum.PostAsJsonAsync($"/api/v1/collaboration/needs/{need}/agreements", Proposal(scene.StudioId))).StatusCode.ShouldBe(HttpStatusCode.Conflict, "once per partner");
        (await museum.PostAsync($"/api/v1/collaboration/agreements/{id}/confirm", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "the partner confirms");
        (await (await scene.ClientAsync(scene.Printer)).GetAsync($"/api/v1/collaboration/agreements/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await studio.PostAsJsonAsync($"/api/v1/collaboration/agreements/{id}/ratings", new { stars = 5 })).StatusCode.ShouldBe(HttpStatusCode.Conflict, "not confirmed yet");

        var listed = await studio.GetFromJsonAsync<JsonElement>("/api/v1/collaboration/agreements?pageSize=5");
        (listed.GetProperty("total").GetInt32(), listed.GetProperty("items")[0].GetProperty("id").GetInt32()).ShouldBe((1, id), "the partner's list");
        (await studio.GetAsync("/api/v1/collaboration/agreements?pageSize=500")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var confirmed = await studio.PostAsync($"/api/v1/collaboration/agreements/{id}/confirm", null);
        confirmed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await studio.PostAsync($"/api/v1/collaboration/agreements/{id}/decline", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict, "decided once");
        var detail = await museum.GetFromJsonAsync<JsonElement>($"/api/v1/collaboration/needs/{need}");
        detail.GetProperty("need").GetProperty("status").GetString().ShouldBe("agreed");
        detail.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ShouldBe(["published", "in_talks", "agreed"]);
        detail.GetProperty("history")[2].GetProperty("actorName").GetString().ShouldBe(TestUsers.NameOf(scene.Studio), "the partner's person confirmed");

        var ratings = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            museum.PostAsJsonAsync($"/api/v1/collaboration/agreements/{id}/ratings", new { stars = 4, comment = "On time, beautiful work." })));
        ratings.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1, "one rating per side, however concurrent");
        ratings.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(3);
        (await studio.PostAsJsonAsync($"/api/v1/collaboration/agreements/{id}/ratings", new { stars = 9 })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await studio.PostAsJsonAsync($"/api/v1/collaboration/agreements/{id}/ratings", new { stars = 5 })).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The studio's record now shows in the matches of another need of the museum's.
        var next = CollaborationScene.NeedBody("三维动画短片");
        (next["visibility"], next["parkIds"]) = ("parks", new[] { scene.North });
        var second = await scene.PublishNeedAsync(scene.Museum, next);
        var matches = await museum.GetFromJsonAsync<JsonElement>($"/api/v1/collaboration/needs/{second}/matches");
        var record = matches.GetProperty("matches").EnumerateArray().First(m => m.GetProperty("ownerKind").GetString() == "enterprise" && m.GetProperty("enterpriseId").GetInt32() == scene.StudioId)
            .GetProperty("reasons").EnumerateArray().Single(r => r.GetProperty("part").GetString() == "record");
        record.GetProperty("text").GetString().ShouldBe("1 earlier collaborations in the zone, rated 4.0 of 5");
        record.GetProperty("points").GetDouble().ShouldBe(5.4, 0.05);
    }

    [Fact]
    public async Task A_partner_who_cannot_see_the_need_or_a_bad_proposal_is_refused_field_by_field()
    {
        var scene = await CollaborationScene.StartAsync(Db.Sqlite);
        var body = CollaborationScene.NeedBody();
        (body["visibility"], body["parkIds"]) = ("parks", new[] { scene.North });
        var need = await scene.PublishNeedAsync(scene.Museum, body);
        var museum = await scene.ClientAsync(scene.Museum);

        var hidden = await museum.PostAsJsonAsync($"/api/v1/collaboration/needs/{need}/agreements", Proposal(scene.PrinterId));
        hidden.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await hidden.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("partnerEnterpriseId")[0].GetString()
            .ShouldBe("Choose another enterprise or institution that can see this need.");
        var bad = await museum.PostAsJsonAsync($"/api/v1/collaboration/needs/{need}/agreements",
            new { partnerEnterpriseId = scene.StudioId, what = "", amountBand = "priceless", startsOn = "2027-02-01", endsOn = "2027-01-01" });
        (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().ShouldBe("Check these fields: What the partner does, Amount, Ends on.");
        (await (await scene.ClientAsync(scene.Studio)).PostAsJsonAsync($"/api/v1/collaboration/needs/{need}/agreements", Proposal(scene.MuseumId)))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound, "only the need's enterprise proposes");
    }
}
