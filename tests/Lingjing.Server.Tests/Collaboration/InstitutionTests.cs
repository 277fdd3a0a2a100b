using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Tests.Infrastructure;

namespace Lingjing.Server.Tests.Collaboration;

/// <summary>Service institutions take part: their staff publish the institution's offers, the institution and its offers
/// are matched to needs beside enterprises, see needs in their feed, are proposed agreements, confirm them and rate them.</summary>
public sealed class InstitutionTests
{
    /// <summary>The museum's need for copyright work, shown to the scene's parks only.</summary>
    private static Dictionary<string, object?> CopyrightNeed(CollaborationScene scene)
    {
        var body = CollaborationScene.NeedBody("文创产品版权授权合同");
        (body["description"], body["segment"], body["tags"]) = ("为馆藏文物文创产品起草版权授权合同并办理著作权登记。", "legal-ip-services", new[] { "版权" });
        (body["visibility"], body["parkIds"], body["partnerSize"]) = ("parks", new[] { scene.North }, "any");
        return body;
    }

    [Theory, BothDatabases]
    public async Task An_institution_offers_is_matched_confirms_and_is_rated_through_its_staff(Db db)
    {
        var scene = await CollaborationScene.StartAsync(db);
        var firm = await scene.ClientAsync(scene.LawFirm);
        var museum = await scene.ClientAsync(scene.Museum);

        var published = await firm.PostAsJsonAsync("/api/v1/collaboration/offers", new
        {
            kind = "service", title = "著作权登记与授权合同", description = "文创产品版权授权合同起草、著作权登记代理。", segment = "legal-ip-services",
            tags = new[] { "版权", "合同" },
        });
        published.StatusCode.ShouldBe(HttpStatusCode.Created, await published.Content.ReadAsStringAsync());
        var offer = await published.Content.ReadFromJsonAsync<JsonElement>();
        (offer.GetProperty("ownerKind").GetString(), offer.GetProperty("institutionId").GetInt32(), offer.GetProperty("ownerNameEn").GetString())
            .ShouldBe(("institution", scene.LawFirmId, "Polestar IP Law Firm"));
        offer.GetProperty("mine").GetBoolean().ShouldBeTrue();
        var listed = await museum.GetFromJsonAsync<JsonElement>($"/api/v1/collaboration/offers?institutionId={scene.LawFirmId}");
        listed.GetProperty("total").GetInt32().ShouldBe(1);
        (await firm.PostAsJsonAsync("/api/v1/collaboration/needs", CopyrightNeed(scene))).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "needs are an enterprise's");

        var need = await scene.PublishNeedAsync(scene.Museum, CopyrightNeed(scene));
        var matches = (await museum.GetFromJsonAsync<JsonElement>($"/api/v1/collaboration/needs/{need}/matches")).GetProperty("matches").EnumerateArray().ToList();
        var top = matches[0];
        (top.GetProperty("kind").GetString(), top.GetProperty("ownerKind").GetString(), top.GetProperty("institutionId").GetInt32())
            .ShouldBe(("offer", "institution", scene.LawFirmId), "its offer fits best");
        var reasons = top.GetProperty("reasons").EnumerateArray().ToDictionary(r => r.GetProperty("part").GetString()!, r => r.GetProperty("text").GetString());
        reasons["chain"].ShouldBe("Offers Legal and IP services, the segment asked for");
        reasons["qualifications"].ShouldBe("Verified: government-certified institution");
        reasons["size"].ShouldBe("Any size is welcome");
        matches.ShouldContain(m => m.GetProperty("kind").GetString() == "institution" && m.GetProperty("id").GetInt32() == scene.LawFirmId, "the institution itself too");
        var feed = (await firm.GetFromJsonAsync<JsonElement>("/api/v1/collaboration/feed?limit=100")).EnumerateArray().ToList();
        feed.ShouldContain(i => i.GetProperty("need").GetProperty("id").GetInt32() == need && i.GetProperty("byOfferId").GetInt32() == offer.GetProperty("id").GetInt32());

        var proposed = await museum.PostAsJsonAsync($"/api/v1/collaboration/needs/{need}/agreements", new
        {
            partnerInstitutionId = scene.LawFirmId, what = "Licensing contracts for 12 products", amountBand = "under-100k", startsOn = "2027-01-10",
        });
        proposed.StatusCode.ShouldBe(HttpStatusCode.Created, await proposed.Content.ReadAsStringAsync());
        var agreement = (await proposed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        (await (await scene.ClientAsync(scene.Studio)).PostAsync($"/api/v1/collaboration/agreements/{agreement}/confirm", null)).StatusCode
            .ShouldBe(HttpStatusCode.NotFound, "another enterprise is on neither side");
        var mine = await firm.GetFromJsonAsync<JsonElement>("/api/v1/collaboration/agreements");
        mine.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetInt32()).ShouldBe([agreement], "the institution's staff see its agreements");
        var confirmed = await firm.PostAsync($"/api/v1/collaboration/agreements/{agreement}/confirm", null);
        confirmed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var view = await confirmed.Content.ReadFromJsonAsync<JsonElement>();
        (view.GetProperty("partnerKind").GetString(), view.GetProperty("partnerNameEn").GetString(), view.GetProperty("status").GetString())
            .ShouldBe(("institution", "Polestar IP Law Firm", "confirmed"));
        (await museum.PostAsJsonAsync($"/api/v1/collaboration/agreements/{agreement}/ratings", new { stars = 5 })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var rated = await firm.PostAsJsonAsync($"/api/v1/collaboration/agreements/{agreement}/ratings", new { stars = 4, comment = "Clear brief." });
        rated.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await rated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ratings").EnumerateArray().Select(r => r.GetProperty("side").GetString())
            .ShouldBe(["client", "partner"]);
        (await firm.PostAsJsonAsync($"/api/v1/collaboration/agreements/{agreement}/ratings", new { stars = 4 })).StatusCode.ShouldBe(HttpStatusCode.Conflict, "once per side");
        var operatorView = await (await scene.ClientAsync(scene.NorthOperator)).GetAsync($"/api/v1/collaboration/agreements/{agreement}");
        operatorView.StatusCode.ShouldBe(HttpStatusCode.OK, "the park's operator sees its institution's agreements");

        // The institution's record counts in the museum's next need.
        var next = await scene.PublishNeedAsync(scene.Museum, CopyrightNeed(scene));
        var again = (await museum.GetFromJsonAsync<JsonElement>($"/api/v1/collaboration/needs/{next}/matches")).GetProperty("matches").EnumerateArray()
            .First(m => m.GetProperty("kind").GetString() == "institution");
        again.GetProperty("reasons").EnumerateArray().Single(r => r.GetProperty("part").GetString() == "record").GetProperty("text").GetString()
            .ShouldBe("1 earlier collaborations in the zone, rated 5.0 of 5");
    }

    [Fact]
    public async Task An_institution_sees_no_need_shown_to_another_park_and_is_not_offered_one()
    {
        var scene = await CollaborationScene.StartAsync(Db.Sqlite);
        var body = CopyrightNeed(scene);
        body["parkIds"] = new[] { scene.South };
        var need = await scene.PublishNeedAsync(scene.Museum, body);
        var firm = await scene.ClientAsync(scene.LawFirm);

        (await firm.GetAsync($"/api/v1/collaboration/needs/{need}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await firm.GetFromJsonAsync<JsonElement>("/api/v1/collaboration/feed?limit=100")).EnumerateArray()
            .ShouldNotContain(i => i.GetProperty("need").GetProperty("id").GetInt32() == need);
        var refused = await (await scene.ClientAsync(scene.Museum)).PostAsJsonAsync($"/api/v1/collaboration/needs/{need}/agreements", new
        {
            partnerInstitutionId = scene.LawFirmId, what = "Contracts", amountBand = "under-100k", startsOn = "2027-01-10",
        });
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("partnerInstitutionId")[0].GetString()
            .ShouldBe("Choose another enterprise or institution that can see this need.");
        var both = await (await scene.ClientAsync(scene.Museum)).PostAsJsonAsync($"/api/v1/collaboration/needs/{need}/agreements", new
        {
            partnerEnterpriseId = scene.PrinterId, partnerInstitutionId = scene.LawFirmId, what = "Contracts", amountBand = "under-100k", startsOn = "2027-01-10",
        });
        (await both.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("partnerInstitutionId")[0].GetString()
            .ShouldBe("Name an enterprise or an institution as the partner, not both.");
    }
}
