using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.World.Realtime;
using Lingjing.Server.Tests.Infrastructure;

namespace Lingjing.Server.Tests.World;

/// <summary>Avatars that say who someone is (issue 13): a body shape chosen with the look, checked like every other
/// field, and a person's own GLB avatar, uploaded through the same checks as a building's model, served to everyone
/// signed in and changeable only by its owner.</summary>
public sealed class AvatarModelApiTests
{
    private sealed record Look(string Model, string Shape, string BodyColor, string OutfitColor, int Accessory, string? ModelUrl, List<string> Shapes);

    private static async Task<HttpClient> PersonAsync(LingjingApp app, string name)
    {
        var user = await TestUsers.CreateAsync(app, SharedApps.Email(name), Roles.Employee);
        return await app.SignedInAsync(user.Email!, TestUsers.Password);
    }

    private static ByteArrayContent Glb(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("model/gltf-binary");
        return content;
    }

    [Fact]
    public async Task Chosen_body_shape_is_stored_with_the_look()
    {
        var app = await SharedApps.Blank(Db.Sqlite);
        using var http = await PersonAsync(app, "shape");

        (await http.PutAsJsonAsync("/api/v1/me/avatar", new { model = "casual", shape = "broad", bodyColor = "#E8B796", outfitColor = "#1D4ED8", accessory = 0 }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var look = (await http.GetFromJsonAsync<Look>("/api/v1/me/avatar"))!;
        look.Shape.ShouldBe("broad");
        look.Shapes.ShouldBe(AvatarLookCatalog.Shapes);
        look.ModelUrl.ShouldBeNull();
    }

    [Fact]
    public async Task Unknown_body_shape_is_refused_with_a_problem_that_names_the_shapes()
    {
        var app = await SharedApps.Blank(Db.Sqlite);
        using var http = await PersonAsync(app, "giant");

        var response = await http.PutAsJsonAsync("/api/v1/me/avatar", new { model = "casual", shape = "giant", bodyColor = "#E8B796", outfitColor = "#1D4ED8", accessory = 0 });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("title").GetString().ShouldBe("Invalid avatar look");
        var message = problem.GetProperty("errors").GetProperty("shape")[0].GetString();
        message.ShouldBe("'giant' is not a body shape. One of: average, slim, broad, petite.");
        (await http.GetFromJsonAsync<Look>("/api/v1/me/avatar"))!.Shape.ShouldNotBe("giant");
    }

    [Fact]
    public async Task Uploaded_glb_becomes_the_look_and_is_served_to_other_people()
    {
        var app = await SharedApps.Blank(Db.Sqlite);
        using var owner = await PersonAsync(app, "modeller");
        using var other = await PersonAsync(app, "viewer");
        var model = TestGlb.Triangle(1.8f);

        var upload = await owner.PutAsync("/api/v1/me/avatar/model", Glb(model));

        upload.StatusCode.ShouldBe(HttpStatusCode.OK);
        var url = (await upload.Content.ReadFromJsonAsync<Look>())!.ModelUrl!;
        url.ShouldStartWith("/api/v1/world/avatar-models/");
        (await owner.GetFromJsonAsync<Look>("/api/v1/me/avatar"))!.ModelUrl.ShouldBe(url);
        var served = await other.GetAsync(url);
        served.StatusCode.ShouldBe(HttpStatusCode.OK);
        served.Content.Headers.ContentType!.MediaType.ShouldBe("model/gltf-binary");
        (await served.Content.ReadAsByteArrayAsync()).ShouldBe(model);
        (await app.Anonymous().GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        // Removing it goes back to the figure; the address is gone.
        (await owner.DeleteAsync("/api/v1/me/avatar/model")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await owner.GetFromJsonAsync<Look>("/api/v1/me/avatar"))!.ModelUrl.ShouldBeNull();
        (await other.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await owner.DeleteAsync("/api/v1/me/avatar/model")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_file_that_is_not_a_glb_is_cut_off_or_points_outside_itself_is_refused_with_400_and_changes_nothing()
    {
        var app = await SharedApps.Blank(Db.Sqlite);
        using var http = await PersonAsync(app, "notglb");

        var html = await http.PutAsync("/api/v1/me/avatar/model", Glb(Encoding.UTF8.GetBytes("<html>not a model</html>")));
        var cut = await http.PutAsync("/api/v1/me/avatar/model", Glb(TestGlb.Triangle()[..40]));
        var outside = await http.PutAsync("/api/v1/me/avatar/model", Glb(TestGlb.Referring("https://tracker.example/skin.png")));

        html.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await html.Content.ReadFromJsonAsync<Problem>())!.ShouldBe(new Problem("Invalid model", "The file is not a glTF binary (GLB) model.", 400));
        cut.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await cut.Content.ReadFromJsonAsync<Problem>())!.Detail!.ShouldContain("truncated");
        outside.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await outside.Content.ReadFromJsonAsync<Problem>())!.Detail.ShouldBe(
            "The model refers to a file outside it (https://tracker.example/skin.png); export it as one self-contained GLB.");
        (await http.GetFromJsonAsync<Look>("/api/v1/me/avatar"))!.ModelUrl.ShouldBeNull();
    }

    [Fact]
    public async Task A_model_over_10_mb_is_refused_with_413_whether_or_not_its_length_is_announced()
    {
        var app = await SharedApps.Blank(Db.Sqlite);
        using var http = await PersonAsync(app, "huge");
        var huge = new byte[AvatarModelStore.MaxBytes + 1];

        var announced = await http.PutAsync("/api/v1/me/avatar/model", Glb(huge));
        var streamed = new StreamContent(new MemoryStream(huge));
        streamed.Headers.ContentType = new MediaTypeHeaderValue("model/gltf-binary");
        var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/me/avatar/model") { Content = streamed };
        request.Headers.TransferEncodingChunked = true;
        var unannounced = await http.SendAsync(request);

        announced.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await announced.Content.ReadFromJsonAsync<Problem>())!.Detail.ShouldBe("The model is larger than 10 MB.");
        unannounced.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await http.GetFromJsonAsync<Look>("/api/v1/me/avatar"))!.ModelUrl.ShouldBeNull();
    }

    [Fact]
    public async Task Nobody_can_replace_or_remove_another_persons_model()
    {
        var app = await SharedApps.Blank(Db.Sqlite);
        using var owner = await PersonAsync(app, "owner");
        using var intruder = await PersonAsync(app, "intruder");
        var ownModel = TestGlb.Triangle(1.7f);
        var ownerUrl = (await (await owner.PutAsync("/api/v1/me/avatar/model", Glb(ownModel))).Content.ReadFromJsonAsync<Look>())!.ModelUrl!;

        // The model's own address takes no writes; an upload or removal always means the caller's own model.
        (await intruder.PutAsync(ownerUrl, Glb(TestGlb.Triangle(3)))).StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        (await intruder.DeleteAsync(ownerUrl)).StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        var intruderUrl = (await (await intruder.PutAsync("/api/v1/me/avatar/model", Glb(TestGlb.Triangle(3)))).Content.ReadFromJsonAsync<Look>())!.ModelUrl;
        (await intruder.DeleteAsync("/api/v1/me/avatar/model")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        intruderUrl.ShouldNotBe(ownerUrl);
        (await owner.GetFromJsonAsync<Look>("/api/v1/me/avatar"))!.ModelUrl.ShouldBe(ownerUrl);
        (await (await intruder.GetAsync(ownerUrl)).Content.ReadAsByteArrayAsync()).ShouldBe(ownModel);
    }

    [Fact]
    public async Task Two_people_may_upload_the_same_model_and_one_removing_it_leaves_it_for_the_other()
    {
        var app = await SharedApps.Blank(Db.Sqlite);
        using var first = await PersonAsync(app, "twin-a");
        using var second = await PersonAsync(app, "twin-b");
        var model = TestGlb.Triangle(2.5f);

        var url = (await (await first.PutAsync("/api/v1/me/avatar/model", Glb(model))).Content.ReadFromJsonAsync<Look>())!.ModelUrl;
        (await (await second.PutAsync("/api/v1/me/avatar/model", Glb(model))).Content.ReadFromJsonAsync<Look>())!.ModelUrl.ShouldBe(url);
        (await first.DeleteAsync("/api/v1/me/avatar/model")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await (await second.GetAsync(url)).Content.ReadAsByteArrayAsync()).ShouldBe(model);
    }
}
