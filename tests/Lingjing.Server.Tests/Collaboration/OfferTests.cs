using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Tests.Infrastructure;

namespace Lingjing.Server.Tests.Collaboration;

/// <summary>Offers: what an enterprise offers to do, with examples of its work; withdrawn, it leaves everyone else's lists.</summary>
public sealed class OfferTests
{
    private static object OfferBody(string title = "3D animation for museums and exhibitions") => new
    {
        kind = "capability",
        title,
        description = "Short films, projection mapping and interactive walls; a team of 25.",
        segment = "animation",
        tags = new[] { "3D", "museum" },
        priceMinYuan = 200_000,
        priceMaxYuan = 800_000,
        examples = new[] { "Palace Museum, 'A Day in the Forbidden City', 8-minute 3D film, 2025", " " },
    };

    [Theory, BothDatabases]
    public async Task An_offer_is_listed_for_everyone_until_it_is_withdrawn(Db db)
    {
        var scene = await CollaborationScene.StartAsync(db);
        var studio = await scene.ClientAsync(scene.Studio);
        var created = await studio.PostAsJsonAsync("/api/v1/collaboration/offers", OfferBody());
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var offer = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = offer.GetProperty("id").GetInt32();
        offer.GetProperty("examples").GetArrayLength().ShouldBe(1, "blank examples are dropped");

        var printer = await scene.ClientAsync(scene.Printer);
        async Task<int[]> ListedAsync(HttpClient client, string filter = "") =>
            [.. (await client.GetFromJsonAsync<JsonElement>($"/api/v1/collaboration/offers?enterpriseId={scene.StudioId}{filter}"))
                .GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetInt32())];
        (await ListedAsync(printer)).ShouldBe([id]);
        (await ListedAsync(printer, "&kind=capability&segment=animation&q=PROJECTION")).ShouldBe([id]);
        (await ListedAsync(printer, "&kind=product")).ShouldBeEmpty();

        var edited = await studio.PutAsJsonAsync($"/api/v1/collaboration/offers/{id}", OfferBody("3D animation and projection mapping"));
        edited.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await printer.PutAsJsonAsync($"/api/v1/collaboration/offers/{id}", OfferBody("Taken over"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await studio.PostAsync($"/api/v1/collaboration/offers/{id}/withdraw", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await ListedAsync(printer)).ShouldBeEmpty();
        (await printer.GetAsync($"/api/v1/collaboration/offers/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ListedAsync(studio, "&mine=true")).ShouldBe([id], "its own enterprise still sees it, withdrawn");
        var again = await studio.PutAsJsonAsync($"/api/v1/collaboration/offers/{id}", OfferBody());
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString().ShouldBe("offer.withdrawn");
    }

    [Fact]
    public async Task A_bad_offer_is_refused_with_its_fields_named_and_a_bad_filter_too()
    {
        var scene = await CollaborationScene.StartAsync(Db.Sqlite);
        var studio = await scene.ClientAsync(scene.Studio);

        var response = await studio.PostAsJsonAsync("/api/v1/collaboration/offers",
            new { kind = "miracle", title = "x", segment = "animation", priceMinYuan = -1, examples = Enumerable.Repeat("work", 11) });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("detail").GetString().ShouldBe("Check these fields: Kind of offer, Price from, Examples of past work.");
        var filter = await studio.GetAsync("/api/v1/collaboration/offers?kind=miracle");
        filter.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await filter.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("kind")[0].GetString()!.ShouldContain("capability, service, product");
    }
}
