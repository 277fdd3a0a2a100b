using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Features.Collaboration.Matching;
using Lingjing.Server.Tests.Infrastructure;

namespace Lingjing.Server.Tests.Collaboration;

/// <summary>Explained matching: a need's candidates ranked by a score made of named parts, each with its reason; Chinese
/// is split into words, so 动画制作 finds 三维动画.</summary>
public sealed class MatchingTests
{
    [Fact]
    public void Chinese_is_split_into_words_so_a_compound_finds_its_parts()
    {
        var words = new WordSplitter();

        words.Words("动画制作").ShouldContain("动画");
        words.Words("动画制作").ShouldContain("制作");
        words.Words("三维动画").ShouldContain("动画");
        words.Words("A 3D Animation studio for the Museum").ShouldBe(["3d", "animation", "studio", "museum"], ignoreOrder: true);
    }

    /// <summary>The museum's need, shown to the scene's two parks only (so the shared server's other enterprises stay out).</summary>
    private static Dictionary<string, object?> MuseumNeed(CollaborationScene scene)
    {
        var body = CollaborationScene.NeedBody("宋代陶瓷三维动画制作");
        (body["visibility"], body["parkIds"]) = ("parks", new[] { scene.North, scene.South });
        return body;
    }

    [Theory, BothDatabases]
    public async Task A_needs_candidates_come_ranked_with_a_score_of_named_parts_and_their_reasons(Db db)
    {
        var scene = await CollaborationScene.StartAsync(db);
        var need = await scene.PublishNeedAsync(scene.Museum, MuseumNeed(scene));
        var museum = await scene.ClientAsync(scene.Museum);

        var first = await museum.GetFromJsonAsync<JsonElement>($"/api/v1/collaboration/needs/{need}/matches");
        var studio = first.GetProperty("matches").EnumerateArray().Single(m => m.GetProperty("kind").GetString() == "enterprise");
        studio.GetProperty("enterpriseId").GetInt32().ShouldBe(scene.StudioId, "the printer shares no word and sits elsewhere in the chain");
        var parts = studio.GetProperty("reasons").EnumerateArray().ToDictionary(r => r.GetProperty("part").GetString()!);
        parts.Keys.ShouldBe(["words", "chain", "size", "qualifications", "distance", "record"]);
        studio.GetProperty("score").GetDouble().ShouldBe(Math.Round(parts.Values.Sum(p => p.GetProperty("points").GetDouble()), 1), 0.15);
        parts["words"].GetProperty("text").GetString()!.ShouldContain("动画");
        parts["chain"].GetProperty("points").GetDouble().ShouldBe(15, "a digital-content enterprise, as usually found in animation");
        parts["size"].GetProperty("points").GetDouble().ShouldBe(10, "25 people: small, as asked");
        parts["qualifications"].GetProperty("text").GetString().ShouldBe("Verified: high-tech enterprise");
        parts["distance"].GetProperty("text").GetString().ShouldBe("In the same park");

        // The studio offers exactly this: its offer comes first, ahead of the enterprise itself.
        var offer = await (await scene.ClientAsync(scene.Studio)).PostAsJsonAsync("/api/v1/collaboration/offers", new
        {
            kind = "capability", title = "博物馆三维动画", description = "文物三维动画制作", segment = "animation",
        });
        offer.StatusCode.ShouldBe(HttpStatusCode.Created);
        var offerId = (await offer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var second = await museum.GetFromJsonAsync<JsonElement>($"/api/v1/collaboration/needs/{need}/matches");
        var top = second.GetProperty("matches")[0];
        (top.GetProperty("kind").GetString(), top.GetProperty("id").GetInt32()).ShouldBe(("offer", offerId));
        top.GetProperty("reasons")[1].GetProperty("text").GetString().ShouldBe("Offers Animation, the segment asked for");
    }

    [Fact]
    public async Task Only_the_needs_enterprise_its_park_and_the_government_see_its_matches_and_reasons_come_in_chinese()
    {
        var scene = await CollaborationScene.StartAsync(Db.Sqlite);
        var need = await scene.PublishNeedAsync(scene.Museum, MuseumNeed(scene));

        (await (await scene.ClientAsync(scene.Studio)).GetAsync($"/api/v1/collaboration/needs/{need}/matches")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await scene.ClientAsync(scene.Printer)).GetAsync($"/api/v1/collaboration/needs/{need}/matches")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await scene.ClientAsync(scene.NorthOperator)).GetAsync($"/api/v1/collaboration/needs/{need}/matches")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await scene.ClientAsync(scene.Gov)).GetAsync($"/api/v1/collaboration/needs/{need}/matches")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var museum = await scene.ClientAsync(scene.Museum);
        (await museum.GetAsync($"/api/v1/collaboration/needs/{need}/matches?limit=0")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        using var chinese = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/collaboration/needs/{need}/matches");
        chinese.Headers.AcceptLanguage.ParseAdd("zh-CN");
        var zh = await (await museum.SendAsync(chinese)).Content.ReadFromJsonAsync<JsonElement>();
        var reasons = zh.GetProperty("matches")[0].GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("text").GetString()).ToList();
        reasons.ShouldContain("已核实：高新技术企业");
        reasons.ShouldContain("同一园区");
    }

    [Theory, BothDatabases]
    public async Task The_feed_recommends_open_needs_an_enterprise_could_answer_and_drops_them_once_in_talks(Db db)
    {
        var scene = await CollaborationScene.StartAsync(db);
        var need = await scene.PublishNeedAsync(scene.Museum, MuseumNeed(scene));
        var studio = await scene.ClientAsync(scene.Studio);
        async Task<JsonElement[]> FeedAsync(HttpClient client) =>
            [.. (await client.GetFromJsonAsync<JsonElement>("/api/v1/collaboration/feed?limit=100")).EnumerateArray()];

        var item = (await FeedAsync(studio)).Single(i => i.GetProperty("need").GetProperty("id").GetInt32() == need);
        item.GetProperty("score").GetDouble().ShouldBeGreaterThan(0);
        item.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("part").GetString()).ShouldBe(["words", "chain", "size", "qualifications", "distance", "record"]);
        (await FeedAsync(await scene.ClientAsync(scene.Printer))).ShouldNotContain(i => i.GetProperty("need").GetProperty("id").GetInt32() == need,
            "a printer shares no word with an animation need and sits elsewhere in the chain");
        (await FeedAsync(await scene.ClientAsync(scene.Museum))).ShouldNotContain(i => i.GetProperty("need").GetProperty("id").GetInt32() == need, "not one's own");

        (await (await scene.ClientAsync(scene.Museum)).PostAsJsonAsync($"/api/v1/collaboration/needs/{need}/status", new { status = "in_talks" })).EnsureSuccessStatusCode();
        (await FeedAsync(studio)).ShouldNotContain(i => i.GetProperty("need").GetProperty("id").GetInt32() == need, "only open needs are recommended");

        var gov = await (await scene.ClientAsync(scene.Gov)).GetAsync("/api/v1/collaboration/feed");
        gov.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await gov.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("feed.no-enterprise");
    }
}
