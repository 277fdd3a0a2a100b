using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Tests.Browser;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Lingjing.Server.Tests.World.WorldPages;

namespace Lingjing.Server.Tests.World;

/// <summary>Avatars that say who someone is (issue 13), seen by a second person in their own Chromium page: the first's
/// chosen body shape, their enterprise on the name tag, legs that swing while they walk and stop when they stand, and an
/// uploaded model drawn in place of the figure; standing people do not keep the world drawing every frame.</summary>
public sealed class AvatarWorldBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>, IAsyncLifetime
{
    private LingjingApp app = null!;
    private int parkId;
    private string enterpriseName = "";

    public async Task InitializeAsync()
    {
        app = await LingjingApp.StartAsync(Db.Sqlite, demo: false, kestrel: true);
        parkId = (await WorldTestZone.AddParkAsync(app, "A01", buildings: 4, enterprisesPerBuilding: 1)).Id;
        int enterpriseId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var enterprise = await scope.ServiceProvider.GetRequiredService<LingjingDbContext>().Set<Enterprise>()
                .Where(e => e.ParkId == parkId).OrderBy(e => e.Id).FirstAsync();
            (enterpriseId, enterpriseName) = (enterprise.Id, enterprise.NameZh);
        }
        await TestUsers.CreateAsync(app, "walker@test.local", Roles.Employee, enterpriseId: enterpriseId);
        await TestUsers.CreateAsync(app, "watcher@test.local", Roles.Employee);
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Second_person_sees_the_chosen_body_the_enterprise_on_the_tag_the_walk_and_an_uploaded_model()
    {
        using (var http = await app.SignedInAsync("walker@test.local", TestUsers.Password))
        {
            (await http.PutAsJsonAsync("/api/v1/me/avatar", new { model = "business", shape = "broad", bodyColor = "#E8B796", outfitColor = "#1D4ED8", accessory = 0 }))
                .EnsureSuccessStatusCode();
            // A whole GLB with nothing in it: accepted by the server, but there is nothing to draw, so the figure stays.
            var empty = new ByteArrayContent(TestGlb.Glb("{\"asset\":{\"version\":\"2.0\"}}"u8.ToArray(), []));
            empty.Headers.ContentType = new MediaTypeHeaderValue("model/gltf-binary");
            (await http.PutAsync("/api/v1/me/avatar/model", empty)).EnsureSuccessStatusCode();
        }
        using (var http = await app.SignedInAsync("watcher@test.local", TestUsers.Password))
        {
            var glb = new ByteArrayContent(TestGlb.Triangle(1));
            glb.Headers.ContentType = new MediaTypeHeaderValue("model/gltf-binary");
            (await http.PutAsync("/api/v1/me/avatar/model", glb)).EnsureSuccessStatusCode();
        }
        var walker = await EnterAsync(chromium, app, "walker@test.local", parkId, password: TestUsers.Password);
        var watcher = await EnterAsync(chromium, app, "watcher@test.local", parkId, password: TestUsers.Password);

        // The watcher draws the walker broad, with the enterprise after the name on the tag (the walker's empty model could
        // not be drawn: the figure stands in for it).
        const string Walker = "window.lingjingWorld.remotes().find(r => r.name === 'walker')";
        var enterprise = JsonSerializer.Serialize(enterpriseName);
        await watcher.WaitForFunctionAsync($"() => {{ const r = {Walker}; return r && r.look.shape === 'broad' && r.affiliation === {enterprise} && r.figure.model === 'failed'; }}");
        (await watcher.EvaluateAsync<string>($"() => {Walker}.figure.tag")).ShouldBe($"walker · {enterpriseName}");
        (await watcher.EvaluateAsync<bool>($"() => {Walker}.figure.walking")).ShouldBeFalse();

        // The walker walks: the watcher sees the legs swing while the figure moves, and stop when it stands.
        var start = await walker.EvaluateAsync<JsonElement>("() => window.lingjingWorld.position()");
        await walker.Keyboard.DownAsync("w");
        await watcher.WaitForFunctionAsync($"() => {{ const r = {Walker}; return r.figure.walking && Math.abs(r.figure.stride) > 0.1; }}");
        await walker.WaitForFunctionAsync($"() => {{ const p = window.lingjingWorld.position(); return Math.hypot(p.x - {Js(start.GetProperty("x").GetDouble())}, p.z - {Js(start.GetProperty("z").GetDouble())}) > 5; }}");
        await walker.Keyboard.UpAsync("w");
        await walker.WaitForFunctionAsync("() => !window.lingjingWorld.moving()");
        await watcher.WaitForFunctionAsync($"() => {{ const r = {Walker}; return !r.figure.walking && r.figure.stride === 0; }}");

        // A picture for the README: the walker comes back to face the watcher, who stands a few metres south and to the side.
        var spawn = await watcher.EvaluateAsync<double[]>("() => window.lingjingWorld.spawn");
        await WalkToAsync(walker, spawn[0] + 1.2, spawn[1] + 4);
        await WalkToAsync(walker, spawn[0] + 1.2, spawn[1] + 0.5);
        await WalkToAsync(watcher, spawn[0] - 0.8, spawn[1] - 3);
        await watcher.WaitForFunctionAsync($"() => {{ const r = {Walker}; return Math.hypot(r.x - {Js(spawn[0] + 1.2)}, r.z - {Js(spawn[1] + 0.5)}) < 0.5 && !r.figure.walking; }}");
        await watcher.EvaluateAsync("() => window.lingjingWorld.frame(7)");
        await ScreenshotAsync(watcher, "world-avatars", settleFrames: 10);

        // The walker sees the watcher's uploaded model instead of the figure (the figure stood in while it loaded).
        await walker.WaitForFunctionAsync("() => window.lingjingWorld.remotes().some(r => r.name === 'watcher' && r.look.modelUrl.startsWith('/api/v1/world/avatar-models/') && r.figure.model === 'loaded')");

        // The walker speaks (Chromium's fake microphone beeps): the watcher sees the talking cue, drawn every frame while it
        // plays, and it ends with the microphone.
        await walker.GetByTestId("media-mic").ClickAsync();
        await watcher.WaitForFunctionAsync($"() => {Walker}.figure.talking && window.lingjingWorld.drawing() === 'every frame'");
        await walker.WaitForFunctionAsync("() => window.lingjingWorld.selfPose().talking"); // your own figure talks as the others see it
        await walker.GetByTestId("media-mic").ClickAsync();
        await watcher.WaitForFunctionAsync($"() => !{Walker}.figure.talking");
        await walker.WaitForFunctionAsync("() => !window.lingjingWorld.selfPose().talking");

        // Two people standing (breathing, idle) do not keep the world drawing every frame.
        await watcher.WaitForFunctionAsync("() => window.lingjingWorld.drawing() === 'still'");
        await walker.WaitForFunctionAsync("() => window.lingjingWorld.drawing() === 'still'");
        await walker.Context.CloseAsync();
        await watcher.Context.CloseAsync();
    }

    [Fact]
    public async Task Body_shape_and_own_model_are_chosen_in_me_and_a_file_that_is_not_a_model_is_refused_there()
    {
        var page = await chromium.SignInAsync(app.BaseAddress!, "watcher@test.local", TestUsers.Password);
        page.Context.SetDefaultTimeout(60_000);
        await page.GotoAsync("/me#avatar");

        await page.GetByLabel("Slim").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save avatar" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=avatar-saved]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=avatar-preview]")).ToHaveAttributeAsync("data-shape", "slim");

        await page.Locator("#avatarModel").SetInputFilesAsync(new FilePayload { Name = "me.glb", MimeType = "model/gltf-binary", Buffer = "<html>no</html>"u8.ToArray() });
        await page.GetByTestId("avatar-model-upload").ClickAsync();
        await Assertions.Expect(page.GetByTestId("avatar-model-problem")).ToHaveTextAsync("The file is not a glTF binary (GLB) model.");

        await page.Locator("#avatarModel").SetInputFilesAsync(new FilePayload { Name = "me.glb", MimeType = "model/gltf-binary", Buffer = TestGlb.Triangle(1.7f) });
        await page.GetByTestId("avatar-model-upload").ClickAsync();
        await Assertions.Expect(page.GetByTestId("avatar-model-saved")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("avatar-model-current")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Slim")).ToBeCheckedAsync();
        await page.Context.CloseAsync();
    }
}
