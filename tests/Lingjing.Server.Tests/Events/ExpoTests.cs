using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Tests.Infrastructure;

namespace Lingjing.Server.Tests.Events;

/// <summary>Expo halls: organisers place exhibitors, exhibitors fill their booth, anyone searches the guide, visits count
/// once a day per person, and a card reaches the exhibitor only with the visitor's consent and only that exhibitor.</summary>
public sealed class ExpoTests
{
    [Theory, BothDatabases]
    public async Task An_exhibitor_fills_its_booth_visitors_are_counted_once_and_leave_their_card_with_consent(Db db)
    {
        var scene = await EventScene.StartAsync(db);
        var id = await scene.PublishAsync(scene.NorthOperator);
        var organiser = await scene.ClientAsync(scene.NorthOperator);
        var placed = await organiser.PostAsJsonAsync($"/api/v1/events/{id}/booths", new { enterpriseId = scene.GalleryId, code = "a01", row = 0, col = 0 });
        placed.StatusCode.ShouldBe(HttpStatusCode.Created, await placed.Content.ReadAsStringAsync());
        var booth = (await placed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        (await organiser.PostAsJsonAsync($"/api/v1/events/{id}/booths", new { enterpriseId = scene.GalleryId, code = "A01", row = 0, col = 1 }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict, "one booth A01 per hall");
        var gallery = await scene.ClientAsync(scene.GalleryAdmin);
        var bad = await gallery.PutAsJsonAsync($"/api/v1/expo/booths/{booth}", new { titleZh = "玉石画廊", titleEn = "", videoUrl = "javascript:alert(1)" });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await gallery.PutAsJsonAsync($"/api/v1/expo/booths/{booth}", new
        {
            titleZh = "玉石画廊", titleEn = "Jade Gallery", descriptionEn = "Carved jade, and the digital twin of our workshop.",
            modelUrl = "https://cdn.example.test/jade.glb", tags = new[] { "jade", "craft" },
        })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var guide = await scene.App.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/events/{id}/booths?q=JADE%20workshop");
        guide.EnumerateArray().Select(b => b.GetProperty("code").GetString()).ShouldBe(["A01"]);
        (await scene.App.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/events/{id}/booths?q=bronze")).GetArrayLength().ShouldBe(0);
        (await scene.App.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/events/{id}")).GetProperty("booths").GetArrayLength().ShouldBe(1);

        var people = await scene.PeopleAsync(3, "visitor");
        var visitors = await Task.WhenAll(people.Select(scene.ClientAsync));
        await Task.WhenAll(visitors.Concat(visitors).Select(v => v.PostAsync($"/api/v1/expo/booths/{booth}/visits", null)));
        (await visitors[0].PostAsJsonAsync($"/api/v1/expo/booths/{booth}/cards", new { consent = false })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var cards = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => visitors[0].PostAsJsonAsync($"/api/v1/expo/booths/{booth}/cards", new { consent = true, message = "Send me the catalogue" })));
        cards.ShouldAllBe(c => c.StatusCode == HttpStatusCode.OK);

        var leads = await gallery.GetFromJsonAsync<JsonElement>($"/api/v1/expo/booths/{booth}/leads");
        leads.GetProperty("visits").GetInt32().ShouldBe(3, "once a day per person");
        var lead = leads.GetProperty("leads").EnumerateArray().ShouldHaveSingleItem();
        lead.GetProperty("email").GetString().ShouldBe(people[0]);
        lead.GetProperty("message").GetString().ShouldBe("Send me the catalogue");
        (await visitors[1].GetAsync($"/api/v1/expo/booths/{booth}/leads")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "a visitor is not the exhibitor");
    }

    [Fact]
    public async Task The_demonstration_hall_takes_showcases_from_the_government_and_a_parks_operator_for_its_own_enterprises()
    {
        var scene = await EventScene.StartAsync(Db.Sqlite);
        var body = new { enterpriseId = scene.GalleryId, code = "S1", row = 0, col = 0 };
        (await (await scene.ClientAsync(scene.SouthOperator)).PostAsJsonAsync("/api/v1/expo/demonstration-hall/booths", body))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden, "the gallery is in North Park");
        (await (await scene.ClientAsync(scene.GalleryAdmin)).PostAsJsonAsync("/api/v1/expo/demonstration-hall/booths", body)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var placed = await (await scene.ClientAsync(scene.NorthOperator)).PostAsJsonAsync("/api/v1/expo/demonstration-hall/booths", body);
        placed.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await placed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        (await scene.App.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/expo/demonstration-hall")).EnumerateArray()
            .ShouldContain(b => b.GetProperty("id").GetInt32() == id);
        var other = SharedApps.Email("other.admin");
        await TestUsers.CreateAsync(scene.App, other, Roles.EnterpriseAdmin, enterpriseId: 1);
        (await (await scene.ClientAsync(other)).PutAsJsonAsync($"/api/v1/expo/booths/{id}", new { titleZh = "冒名", titleEn = "Forged" }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound, "another enterprise's booth");
    }
}
