using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Tests.Infrastructure;

namespace Lingjing.Server.Tests.Collaboration;

/// <summary>Needs: an enterprise publishes what it needs a partner for; others find it; it moves open → in talks →
/// agreed or closed with a history; bad input is explained field by field.</summary>
public sealed class NeedTests
{
    [Theory, BothDatabases]
    public async Task A_published_need_is_found_by_others_with_its_history(Db db)
    {
        var scene = await CollaborationScene.StartAsync(db);
        var id = await scene.PublishNeedAsync(scene.Museum);
        var studio = await scene.ClientAsync(scene.Studio);

        var found = await studio.GetFromJsonAsync<JsonElement>($"/api/v1/collaboration/needs?q=ANIMATION%20studio&parkId={scene.North}");
        found.GetProperty("total").GetInt32().ShouldBe(1);
        var need = found.GetProperty("items")[0];
        need.GetProperty("id").GetInt32().ShouldBe(id);
        need.GetProperty("enterpriseNameEn").GetString().ShouldBe("City Museum");
        need.GetProperty("stage").GetString().ShouldBe("produce");
        need.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ShouldBe(["3D", "museum"], "trimmed, repeats dropped");
        need.GetProperty("budgetMaxYuan").GetInt64().ShouldBe(500_000);
        need.GetProperty("status").GetString().ShouldBe("open");
        need.GetProperty("mine").GetBoolean().ShouldBeFalse();

        (await studio.GetFromJsonAsync<JsonElement>($"/api/v1/collaboration/needs?q=nothing%20like%20this&parkId={scene.North}")).GetProperty("total").GetInt32().ShouldBe(0);
        (await studio.GetFromJsonAsync<JsonElement>($"/api/v1/collaboration/needs?segment=publishing-printing&parkId={scene.North}")).GetProperty("total").GetInt32().ShouldBe(0);
        var detail = await (await scene.ClientAsync(scene.Museum)).GetFromJsonAsync<JsonElement>($"/api/v1/collaboration/needs/{id}");
        detail.GetProperty("need").GetProperty("mine").GetBoolean().ShouldBeTrue();
        detail.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ShouldBe(["published"]);
        var mine = await (await scene.ClientAsync(scene.Museum)).GetFromJsonAsync<JsonElement>("/api/v1/collaboration/needs?mine=true");
        mine.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("id").GetInt32()).ShouldBe([id]);
    }

    [Fact]
    public async Task Bad_input_is_explained_field_by_field_in_the_readers_language()
    {
        var scene = await CollaborationScene.StartAsync(Db.Sqlite);
        var museum = await scene.ClientAsync(scene.Museum);
        var body = CollaborationScene.NeedBody("");
        body["segment"] = "alchemy";
        body["budgetMinYuan"] = 600_000;
        body["deadline"] = "2001-01-01";
        body["tags"] = Enumerable.Range(1, 11).Select(i => $"tag{i}").ToArray();

        var response = await museum.PostAsJsonAsync("/api/v1/collaboration/needs", body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("detail").GetString().ShouldBe("Check these fields: Title, Industry chain segment, Tags, Budget up to, Deadline.");
        problem.GetProperty("errors").GetProperty("budgetMaxYuan")[0].GetString().ShouldBe("The maximum must not be below the minimum.");
        problem.GetProperty("errors").GetProperty("deadline")[0].GetString().ShouldBe("The deadline has passed.");

        using var chinese = new HttpRequestMessage(HttpMethod.Post, "/api/v1/collaboration/needs") { Content = JsonContent.Create(body) };
        chinese.Headers.AcceptLanguage.ParseAdd("zh-CN");
        var zh = await (await museum.SendAsync(chinese)).Content.ReadFromJsonAsync<JsonElement>();
        zh.GetProperty("detail").GetString().ShouldBe("请检查以下各项：标题、产业链环节、标签、预算上限、截止日期。");
        (await museum.GetFromJsonAsync<JsonElement>("/api/v1/collaboration/needs?mine=true")).GetProperty("total").GetInt32().ShouldBe(0, "nothing stored");
    }

    [Theory, BothDatabases]
    public async Task A_need_shown_to_chosen_parks_or_invited_enterprises_is_invisible_to_everyone_else(Db db)
    {
        var scene = await CollaborationScene.StartAsync(db);
        var toSouth = CollaborationScene.NeedBody("Catalogue printing, 2,000 copies");
        (toSouth["visibility"], toSouth["parkIds"]) = ("parks", new[] { scene.South });
        var southOnly = await scene.PublishNeedAsync(scene.Museum, toSouth);
        var invitation = CollaborationScene.NeedBody("Exhibition film, invited studios only");
        (invitation["visibility"], invitation["invitedEnterpriseIds"]) = ("invited", new[] { scene.StudioId });
        var invited = await scene.PublishNeedAsync(scene.Museum, invitation);

        async Task<int[]> SeenAsync(string email) =>
            [.. (await (await scene.ClientAsync(email)).GetFromJsonAsync<JsonElement>($"/api/v1/collaboration/needs?parkId={scene.North}"))
                .GetProperty("items").EnumerateArray().Select(n => n.GetProperty("id").GetInt32()).Order()];

        (await SeenAsync(scene.Printer)).ShouldBe([southOnly], "a South enterprise sees what is shown to South, not the invitation");
        (await SeenAsync(scene.Studio)).ShouldBe([invited], "the invited studio, in North, sees its invitation only");
        (await SeenAsync(scene.NorthOperator)).ShouldBe([southOnly, invited], "the park sees what its enterprises publish");
        (await SeenAsync(scene.Gov)).ShouldBe([southOnly, invited]);

        var studio = await scene.ClientAsync(scene.Studio);
        (await studio.GetAsync($"/api/v1/collaboration/needs/{southOnly}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "as if it did not exist");
        var seenByInvitee = await studio.GetFromJsonAsync<JsonElement>($"/api/v1/collaboration/needs/{invited}");
        seenByInvitee.GetProperty("need").GetProperty("invitedEnterpriseIds").GetArrayLength().ShouldBe(0, "who else is invited is the publisher's business");
        var seenByGov = await (await scene.ClientAsync(scene.Gov)).GetFromJsonAsync<JsonElement>($"/api/v1/collaboration/needs/{invited}");
        seenByGov.GetProperty("need").GetProperty("invitedEnterpriseIds").EnumerateArray().Select(e => e.GetInt32()).ShouldBe([scene.StudioId]);

        var forged = CollaborationScene.NeedBody();
        (forged["visibility"], forged["parkIds"]) = ("parks", new[] { int.MaxValue });
        var refused = await (await scene.ClientAsync(scene.Museum)).PostAsJsonAsync("/api/v1/collaboration/needs", forged);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("parkIds")[0].GetString().ShouldBe("Some of these parks do not exist.");
    }

    [Theory, BothDatabases]
    public async Task A_need_moves_through_talks_to_agreement_with_a_history_and_illegal_moves_get_409(Db db)
    {
        var scene = await CollaborationScene.StartAsync(db);
        var id = await scene.PublishNeedAsync(scene.Museum);
        var museum = await scene.ClientAsync(scene.Museum);
        async Task<HttpResponseMessage> MoveAsync(HttpClient client, string status, string? note = null) =>
            await client.PostAsJsonAsync($"/api/v1/collaboration/needs/{id}/status", new { status, note });

        (await MoveAsync(museum, "agreed")).StatusCode.ShouldBe(HttpStatusCode.Conflict, "agreement comes after talks");
        (await MoveAsync(museum, "in_talks", "Talking to Blue Whale")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await MoveAsync(museum, "open", "Their schedule is full")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await MoveAsync(museum, "in_talks")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await MoveAsync(await scene.ClientAsync(scene.Studio), "closed")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "only the publisher moves its need");
        (await MoveAsync(museum, "maybe")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var agreed = await MoveAsync(museum, "agreed", "Signed with Blue Whale");
        agreed.StatusCode.ShouldBe(HttpStatusCode.OK);

        var reopen = await MoveAsync(museum, "open");
        reopen.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await reopen.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("need.move");
        var edit = await museum.PutAsJsonAsync($"/api/v1/collaboration/needs/{id}", CollaborationScene.NeedBody("Changed after agreement"));
        edit.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var history = (await agreed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("history").EnumerateArray().ToList();
        history.Select(e => e.GetProperty("kind").GetString()).ShouldBe(["published", "in_talks", "open", "in_talks", "agreed"]);
        history[2].GetProperty("note").GetString().ShouldBe("Their schedule is full");
        history.ShouldAllBe(e => e.GetProperty("actorName").GetString() == TestUsers.NameOf(scene.Museum));
    }

    [Theory, BothDatabases]
    public async Task Concurrent_moves_of_one_need_give_one_success_and_conflicts(Db db)
    {
        var scene = await CollaborationScene.StartAsync(db);
        var id = await scene.PublishNeedAsync(scene.Museum);
        var museum = await scene.ClientAsync(scene.Museum);

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            museum.PostAsJsonAsync($"/api/v1/collaboration/needs/{id}/status", new { status = "in_talks" })));

        responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(7);
        var detail = await museum.GetFromJsonAsync<JsonElement>($"/api/v1/collaboration/needs/{id}");
        detail.GetProperty("history").EnumerateArray().Count(e => e.GetProperty("kind").GetString() == "in_talks").ShouldBe(1);
    }

    [Fact]
    public async Task Employees_read_but_only_administrators_and_members_publish_and_strangers_are_asked_to_sign_in()
    {
        var scene = await CollaborationScene.StartAsync(Db.Sqlite);
        var employee = await scene.ClientAsync(scene.StudioEmployee);

        (await employee.PostAsJsonAsync("/api/v1/collaboration/needs", CollaborationScene.NeedBody())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await employee.GetAsync("/api/v1/collaboration/needs")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await scene.App.Anonymous().GetAsync("/api/v1/collaboration/needs")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var taxonomy = await employee.GetFromJsonAsync<JsonElement>("/api/v1/collaboration/taxonomy");
        taxonomy.GetProperty("segments").EnumerateArray().ShouldContain(s => s.GetProperty("code").GetString() == "animation" && s.GetProperty("nameZh").GetString() == "动画制作");
    }

    [Fact]
    public async Task An_enterprise_publishes_at_most_its_daily_fill_of_needs_and_offers_then_gets_429()
    {
        await using var app = await LingjingApp.StartAsync(Db.Sqlite, demo: false, new Dictionary<string, string?> { ["Lingjing:Collaboration:PublishPerDay"] = "2" });
        var scene = await CollaborationScene.StartAsync(Db.Sqlite, app);
        await scene.PublishNeedAsync(scene.Museum);
        var museum = await scene.ClientAsync(scene.Museum);
        (await museum.PostAsJsonAsync("/api/v1/collaboration/offers", new { kind = "service", title = "Guided tours", segment = "cultural-tourism" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        var third = await museum.PostAsJsonAsync("/api/v1/collaboration/needs", CollaborationScene.NeedBody("One too many"));

        third.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        var problem = await third.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("code").GetString().ShouldBe("collaboration.publish-limit");
        problem.GetProperty("detail").GetString()!.ShouldContain("2 needs and offers in the last 24 hours");
        (await scene.PublishNeedAsync(scene.Studio)).ShouldBeGreaterThan(0, "another enterprise has its own fill");
    }
}
