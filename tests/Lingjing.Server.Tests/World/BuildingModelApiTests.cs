using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net;
using System.Text;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.World;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lingjing.Server.Tests.World;

public sealed class BuildingModelApiTests : IAsyncLifetime
{
    private LingjingApp app = null!;
    private int parkId;
    private int buildingId;

    public async Task InitializeAsync()
    {
        app = await LingjingApp.StartAsync(Db.Sqlite, demo: false);
        parkId = (await WorldTestZone.AddParkAsync(app, "M01", buildings: 2, enterprisesPerBuilding: 0)).Id;
        var otherPark = (await WorldTestZone.AddParkAsync(app, "M02", buildings: 1, enterprisesPerBuilding: 0)).Id;
        await using (var scope = app.Services.CreateAsyncScope())
            buildingId = await scope.ServiceProvider.GetRequiredService<LingjingDbContext>().Set<Building>().Where(b => b.ParkId == parkId).MinAsync(b => b.Id);
        await TestUsers.CreateAsync(app, "operator@test.local", Roles.ParkOperator, parkId: parkId);
        await TestUsers.CreateAsync(app, "other-operator@test.local", Roles.ParkOperator, parkId: otherPark);
        await TestUsers.CreateAsync(app, "visitor@test.local", Roles.Employee);
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    private Task<HttpClient> As(string email) => app.SignedInAsync(email, TestUsers.Password);

    /// <summary>The smallest valid glTF 2.0 binary: a header and a JSON chunk.</summary>
    private static byte[] Glb()
    {
        var json = Encoding.UTF8.GetBytes("{\"asset\":{\"version\":\"2.0\"}}  "); // padded to 4 bytes
        var bytes = new byte[12 + 8 + json.Length];
        BitConverter.GetBytes(0x46546C67u).CopyTo(bytes, 0);
        BitConverter.GetBytes(2u).CopyTo(bytes, 4);
        BitConverter.GetBytes((uint)bytes.Length).CopyTo(bytes, 8);
        BitConverter.GetBytes((uint)json.Length).CopyTo(bytes, 12);
        BitConverter.GetBytes(0x4E4F534Au).CopyTo(bytes, 16);
        json.CopyTo(bytes, 20);
        return bytes;
    }

    private static ByteArrayContent Body(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(BuildingModelStore.ContentType);
        return content;
    }

    [Fact]
    public async Task Park_operator_replaces_a_building_with_a_model_that_the_scene_then_points_to()
    {
        var operatorClient = await As("operator@test.local");

        var upload = await operatorClient.PutAsync($"/api/v1/world/buildings/{buildingId}/model", Body(Glb()));

        upload.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var visitor = await As("visitor@test.local");
        var scene = (await visitor.GetFromJsonAsync<WorldScene>($"/api/v1/world/{parkId}/scene"))!;
        var building = scene.Parks[0].Buildings.Single(b => b.Id == buildingId);
        building.ModelUrl.ShouldBe($"/api/v1/world/buildings/{buildingId}/model");
        scene.Parks[0].Buildings.Where(b => b.Id != buildingId).ShouldAllBe(b => b.ModelUrl == null);
        var model = await visitor.GetAsync(building.ModelUrl);
        model.Content.Headers.ContentType!.MediaType.ShouldBe(BuildingModelStore.ContentType);
        (await model.Content.ReadAsByteArrayAsync()).ShouldBe(Glb());

        (await operatorClient.DeleteAsync(building.ModelUrl)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await visitor.GetAsync(building.ModelUrl)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_file_that_is_not_a_glb_is_refused_with_400()
    {
        var operatorClient = await As("operator@test.local");
        var truncated = Glb()[..30];

        var notGlb = await operatorClient.PutAsync($"/api/v1/world/buildings/{buildingId}/model", Body(Encoding.UTF8.GetBytes("<html>not a model</html>")));
        var cut = await operatorClient.PutAsync($"/api/v1/world/buildings/{buildingId}/model", Body(truncated));

        notGlb.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await notGlb.Content.ReadFromJsonAsync<Problem>())!.Detail.ShouldBe("The file is not a glTF binary (GLB) model.");
        cut.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await cut.Content.ReadFromJsonAsync<Problem>())!.Detail!.ShouldContain("truncated");
    }

    [Fact]
    public async Task A_model_over_the_size_limit_is_refused_with_413()
    {
        var operatorClient = await As("operator@test.local");
        var huge = new byte[BuildingModelStore.MaxBytes + 1];

        var response = await operatorClient.PutAsync($"/api/v1/world/buildings/{buildingId}/model", Body(huge));

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory]
    [InlineData("other-operator@test.local")]
    [InlineData("visitor@test.local")]
    public async Task Only_the_buildings_own_park_operator_may_change_its_model(string email)
    {
        var client = await As(email);

        var response = await client.PutAsync($"/api/v1/world/buildings/{buildingId}/model", Body(Glb()));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Unknown_building_is_a_404()
    {
        var operatorClient = await As("operator@test.local");

        var response = await operatorClient.PutAsync("/api/v1/world/buildings/999999/model", Body(Glb()));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadFromJsonAsync<Problem>())!.Title.ShouldBe("Building not found");
    }
}
