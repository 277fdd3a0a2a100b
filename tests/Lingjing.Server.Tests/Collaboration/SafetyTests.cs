using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Tests.Infrastructure;

namespace Lingjing.Server.Tests.Collaboration;

/// <summary>Safety of collaboration: each side chooses who may write to it first; anyone taking part reports a need, an
/// offer or the other side's message; the park's operators and the government hide or dismiss, warn and suspend.</summary>
public sealed class SafetyTests
{
    private const string Reports = "/api/v1/collaboration/reports";

    [Theory, BothDatabases]
    public async Task Who_may_write_first_is_each_sides_choice_and_threads_already_started_continue(Db db)
    {
        var scene = await CollaborationScene.StartAsync(db);
        var need = await scene.PublishNeedAsync(scene.Museum);
        var museum = await scene.ClientAsync(scene.Museum);
        var (studio, printer, firm) = (await scene.ClientAsync(scene.Studio), await scene.ClientAsync(scene.Printer), await scene.ClientAsync(scene.LawFirm));
        var url = $"/api/v1/collaboration/needs/{need}/conversations";

        (await museum.PutAsJsonAsync("/api/v1/collaboration/contact-rule", new { who = "same_park" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await printer.PostAsJsonAsync(url, new { body = "From the south." });
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        (problem.GetProperty("code").GetString(), problem.GetProperty("detail").GetString())
            .ShouldBe(("conversation.not-accepted", "City Museum accepts new conversations only from enterprises and institutions of its park."));
        (await studio.PostAsJsonAsync(url, new { body = "Same park." })).StatusCode.ShouldBe(HttpStatusCode.Created);

        (await museum.PutAsJsonAsync("/api/v1/collaboration/contact-rule", new { who = "nobody" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await firm.PostAsJsonAsync(url, new { body = "Copyright help?" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await studio.PostAsJsonAsync(url, new { body = "Still here." })).StatusCode.ShouldBe(HttpStatusCode.Created, "a thread already started continues");

        (await museum.PutAsJsonAsync("/api/v1/collaboration/contact-rule", new { who = "partners" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await printer.PostAsJsonAsync(url, new { body = "Again." })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await museum.PostAsJsonAsync($"/api/v1/collaboration/needs/{need}/agreements", new
        {
            partnerEnterpriseId = scene.PrinterId, what = "Catalogue printing", amountBand = "under-100k", startsOn = "2027-02-01",
        })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await printer.PostAsJsonAsync(url, new { body = "About our agreement." })).StatusCode.ShouldBe(HttpStatusCode.Created, "partners may write");
        (await museum.GetFromJsonAsync<JsonElement>("/api/v1/collaboration/contact-rule")).GetProperty("who").GetString().ShouldBe("partners");

        var invalid = await museum.PutAsJsonAsync("/api/v1/collaboration/contact-rule", new { who = "friends" });
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("who").GetArrayLength().ShouldBe(1);
        (await (await scene.ClientAsync(scene.StudioEmployee)).PutAsJsonAsync("/api/v1/collaboration/contact-rule", new { who = "nobody" }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory, BothDatabases]
    public async Task A_reported_message_is_hidden_and_its_author_warned_suspended_and_kept_from_writing(Db db)
    {
        var scene = await CollaborationScene.StartAsync(db);
        var southOperator = SharedApps.Email("south.operator");
        await TestUsers.CreateAsync(scene.App, southOperator, Roles.ParkOperator, parkId: scene.South);
        var need = await scene.PublishNeedAsync(scene.Museum);
        var (museum, studio) = (await scene.ClientAsync(scene.Museum), await scene.ClientAsync(scene.Studio));
        var started = await (await studio.PostAsJsonAsync($"/api/v1/collaboration/needs/{need}/conversations", new { body = "Cheap followers! Visit spam.example" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var thread = started.GetProperty("conversation").GetProperty("id").GetInt32();
        var message = started.GetProperty("messages")[0].GetProperty("id").GetInt32();

        var reported = await museum.PostAsJsonAsync(Reports, new { targetKind = "message", targetId = message, reason = "spam", note = "Advertising" });
        reported.StatusCode.ShouldBe(HttpStatusCode.Created, await reported.Content.ReadAsStringAsync());
        var report = (await reported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var again = await museum.PostAsJsonAsync(Reports, new { targetKind = "message", targetId = message, reason = "spam" });
        (again.StatusCode, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()).ShouldBe((HttpStatusCode.Conflict, "report.exists"));
        (await studio.PostAsJsonAsync(Reports, new { targetKind = "message", targetId = message, reason = "spam" })).StatusCode
            .ShouldBe(HttpStatusCode.NotFound, "one's own words are not reported");
        (await (await scene.ClientAsync(scene.Printer)).PostAsJsonAsync(Reports, new { targetKind = "message", targetId = message, reason = "spam" })).StatusCode
            .ShouldBe(HttpStatusCode.NotFound, "a thread one is not in");

        var north = await scene.ClientAsync(scene.NorthOperator);
        var queue = await north.GetFromJsonAsync<JsonElement>(Reports);
        var row = queue.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("id").GetInt32() == report);
        (row.GetProperty("excerpt").GetString(), row.GetProperty("author").GetProperty("nameEn").GetString(), row.GetProperty("reporter").GetProperty("nameEn").GetString())
            .ShouldBe(("Cheap followers! Visit spam.example", "Blue Whale Animation", "City Museum"));
        (await (await scene.ClientAsync(southOperator)).GetFromJsonAsync<JsonElement>(Reports)).GetProperty("items").EnumerateArray()
            .ShouldNotContain(r => r.GetProperty("id").GetInt32() == report, "another park's operators do not review it");
        (await (await scene.ClientAsync(southOperator)).PostAsJsonAsync($"{Reports}/{report}/decision", new { action = "dismiss" })).StatusCode
            .ShouldBe(HttpStatusCode.NotFound);

        var decided = await north.PostAsJsonAsync($"{Reports}/{report}/decision", new { action = "hide", warn = true, suspendDays = 7, note = "No advertising here." });
        decided.StatusCode.ShouldBe(HttpStatusCode.OK, await decided.Content.ReadAsStringAsync());
        (await decided.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().ShouldBe("hidden");
        (await north.PostAsJsonAsync($"{Reports}/{report}/decision", new { action = "dismiss" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var seen = (await museum.GetFromJsonAsync<JsonElement>($"/api/v1/collaboration/conversations/{thread}")).GetProperty("messages")[0];
        (seen.GetProperty("hidden").GetBoolean(), seen.GetProperty("body").GetString()).ShouldBe((true, ""));
        (await studio.GetFromJsonAsync<JsonElement>("/api/v1/me/notifications")).GetProperty("items").EnumerateArray()
            .ShouldContain(n => n.GetProperty("kind").GetString() == "collaboration.moderation");
        var blocked = await studio.PostAsJsonAsync($"/api/v1/collaboration/conversations/{thread}/messages", new { body = "Sorry." });
        (blocked.StatusCode, (await blocked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()).ShouldBe((HttpStatusCode.Forbidden, "collaboration.suspended"));
        (await studio.PostAsJsonAsync("/api/v1/collaboration/offers", new { kind = "service", title = "Followers", segment = "animation" })).StatusCode
            .ShouldBe(HttpStatusCode.Forbidden, "nor publish");
    }

    [Theory, BothDatabases]
    public async Task The_government_hides_a_reported_need_by_closing_it_and_a_dismissed_report_leaves_an_offer_as_it_was(Db db)
    {
        var scene = await CollaborationScene.StartAsync(db);
        var need = await scene.PublishNeedAsync(scene.Museum);
        var studio = await scene.ClientAsync(scene.Studio);
        var offer = (await (await studio.PostAsJsonAsync("/api/v1/collaboration/offers", new { kind = "service", title = "3D animation", segment = "animation" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var printer = await scene.ClientAsync(scene.Printer);
        var onNeed = (await (await printer.PostAsJsonAsync(Reports, new { targetKind = "need", targetId = need, reason = "fraud" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var onOffer = (await (await printer.PostAsJsonAsync(Reports, new { targetKind = "offer", targetId = offer, reason = "other" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var gov = await scene.ClientAsync(scene.Gov);

        (await gov.PostAsJsonAsync($"{Reports}/{onNeed}/decision", new { action = "hide", note = "Not a real project." })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await gov.PostAsJsonAsync($"{Reports}/{onOffer}/decision", new { action = "dismiss" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var closed = await gov.GetFromJsonAsync<JsonElement>($"/api/v1/collaboration/needs/{need}");
        closed.GetProperty("need").GetProperty("status").GetString().ShouldBe("closed");
        closed.GetProperty("history").EnumerateArray().Last().GetProperty("note").GetString().ShouldBe("Not a real project.");
        (await gov.GetFromJsonAsync<JsonElement>($"/api/v1/collaboration/offers/{offer}")).GetProperty("active").GetBoolean().ShouldBeTrue();
        (await gov.GetFromJsonAsync<JsonElement>($"{Reports}?status=dismissed")).GetProperty("items").EnumerateArray()
            .ShouldContain(r => r.GetProperty("id").GetInt32() == onOffer);
    }

    [Fact]
    public async Task Bad_reports_and_decisions_get_400_and_only_moderators_review()
    {
        var scene = await CollaborationScene.StartAsync(Db.Sqlite);
        var need = await scene.PublishNeedAsync(scene.Museum);
        var studio = await scene.ClientAsync(scene.Studio);

        var bad = await studio.PostAsJsonAsync(Reports, new { targetKind = "enterprise", targetId = 1, reason = "dislike" });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        (errors.TryGetProperty("targetKind", out _), errors.TryGetProperty("reason", out _)).ShouldBe((true, true));
        (await studio.PostAsJsonAsync(Reports, new { targetKind = "need", targetId = 999_999, reason = "spam" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var report = (await (await studio.PostAsJsonAsync(Reports, new { targetKind = "need", targetId = need, reason = "spam" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        (await studio.GetAsync(Reports)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "enterprises do not review reports");
        var gov = await scene.ClientAsync(scene.Gov);
        var wrong = await gov.PostAsJsonAsync($"{Reports}/{report}/decision", new { action = "delete", suspendDays = 365 });
        wrong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var fields = (await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        (fields.TryGetProperty("action", out _), fields.TryGetProperty("suspendDays", out _)).ShouldBe((true, true));
        (await gov.GetAsync($"{Reports}?status=maybe")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
