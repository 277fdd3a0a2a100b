using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.World;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Lingjing.Server.Tests.World;

public sealed class SpaceOpenNowTests
{
    [Theory]
    [InlineData("2026-11-23T02:00:00Z", true)]  // Monday 10:00 in Shanghai
    [InlineData("2026-11-23T10:00:00Z", false)] // Monday 18:00 in Shanghai
    [InlineData("2026-11-22T02:00:00Z", false)] // Sunday 10:00 in Shanghai
    public async Task Open_now_follows_the_opening_hours_in_the_zone_time_zone(string utc, bool open)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture));
        await using var app = await LingjingApp.StartAsync(Db.Sqlite, demo: false, services: services => services.AddSingleton<TimeProvider>(clock));
        var park = await WorldTestZone.AddParkAsync(app, "T01", buildings: 1, enterprisesPerBuilding: 0);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
            db.Set<Space>().Add(new Space
            {
                ParkId = park.Id, NameZh = "工作日展厅", NameEn = "Weekday hall", SpaceType = "exhibition-hall",
                OpensAt = new TimeOnly(9, 0), ClosesAt = new TimeOnly(17, 0), OpenDays = 0b001_1111,
            });
            await db.SaveChangesAsync();
        }
        await TestUsers.CreateAsync(app, "clock@test.local", Roles.Employee);
        var token = await app.TokenAsync("clock@test.local", TestUsers.Password);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var scene = (await client.GetFromJsonAsync<WorldScene>($"/api/v1/world/{park.Id}/scene"))!;

        scene.Parks[0].Spaces.Single(s => s.NameEn == "Weekday hall").OpenNow.ShouldBe(open);
    }
}
