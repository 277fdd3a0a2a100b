using System.Net;
using System.Net.Http.Json;
using Lingjing.Server.Tests.Infrastructure;

namespace Lingjing.Server.Tests.WorldRealtime;

[Collection(WorldRealtimeCollection.Name)]
public sealed class AvatarLookApiTests(WorldRealtimeFixture fixture)
{
    private sealed record Look(string Model, string BodyColor, string OutfitColor, int Accessory, List<string> Models);

    [Fact]
    public async Task User_without_a_choice_gets_a_default_look_from_the_catalogue()
    {
        using var http = await fixture.ClientAsync(fixture.Visitors[5]);
        var look = await http.GetFromJsonAsync<Look>("/api/v1/me/avatar");
        look!.Models.ShouldContain(look.Model);
        look.BodyColor.ShouldMatch("^#[0-9A-F]{6}$");
    }

    [Fact]
    public async Task Chosen_look_is_stored()
    {
        using var http = await fixture.ClientAsync(fixture.Visitors[6]);
        (await http.PutAsJsonAsync("/api/v1/me/avatar", new { model = "traditional", bodyColor = "#A0B0C0", outfitColor = "#010203", accessory = 4 }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var look = (await http.GetFromJsonAsync<Look>("/api/v1/me/avatar"))!;
        look.ShouldBe(look with { Model = "traditional", BodyColor = "#A0B0C0", OutfitColor = "#010203", Accessory = 4 });
    }

    [Theory]
    [InlineData("dragon", "#000000", "#000000", 0)]
    [InlineData("robot", "red", "#000000", 0)]
    [InlineData("robot", "#000000", "#12345", 0)]
    [InlineData("robot", "#000000", "#000000", 9)]
    public async Task Invalid_look_gets_400_problem(string model, string body, string outfit, int accessory)
    {
        using var http = await fixture.ClientAsync(fixture.Visitors[6]);
        var response = await http.PutAsJsonAsync("/api/v1/me/avatar", new { model, bodyColor = body, outfitColor = outfit, accessory });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<Problem>())!.Title.ShouldBe("Invalid avatar look");
    }

    [Fact]
    public async Task Anonymous_caller_gets_401()
    {
        var response = await fixture.App.Anonymous().GetAsync("/api/v1/me/avatar");
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
