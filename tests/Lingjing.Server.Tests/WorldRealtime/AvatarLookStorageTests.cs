using System.Net;
using System.Net.Http.Json;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Tests.Infrastructure;

namespace Lingjing.Server.Tests.WorldRealtime;

public sealed class AvatarLookStorageTests
{
    private sealed record Look(string Model, string BodyColor, string OutfitColor, int Accessory);

    [Theory]
    [BothDatabases]
    public async Task Chosen_look_is_stored_and_replaced(Db db)
    {
        var app = await SharedApps.Blank(db);
        var looksEmail = SharedApps.Email("looks");
        var user = await TestUsers.CreateAsync(app, looksEmail, Roles.Employee);
        using var http = await app.SignedInAsync(user.Email!, TestUsers.Password);

        (await http.PutAsJsonAsync("/api/v1/me/avatar", new { model = "sporty", bodyColor = "#FFFFFF", outfitColor = "#000000", accessory = 1 }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await http.PutAsJsonAsync("/api/v1/me/avatar", new { model = "business", bodyColor = "#123456", outfitColor = "#654321", accessory = 3 }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var look = await http.GetFromJsonAsync<Look>("/api/v1/me/avatar");
        look.ShouldBe(new Look("business", "#123456", "#654321", 3));
    }
}
