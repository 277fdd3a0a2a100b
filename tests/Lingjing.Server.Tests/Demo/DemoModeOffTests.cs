using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lingjing.Server.Tests.Demo;

public sealed class DemoModeOffTests
{
    [Theory, BothDatabases]
    public async Task Demo_false_seeds_nothing(Db db)
    {
        await using var app = await LingjingApp.StartAsync(db, demo: false);
        await using var scope = app.Services.CreateAsyncScope();
        var data = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();

        (await data.Set<Park>().CountAsync()).ShouldBe(0);
        (await data.Set<Enterprise>().CountAsync()).ShouldBe(0);
        (await data.Set<Space>().CountAsync()).ShouldBe(0);
        (await data.Users.CountAsync()).ShouldBe(0);
        (await data.Set<SystemSetting>().AnyAsync(s => s.Key == ZoneStatistics.DemoSettingKey)).ShouldBeFalse();
    }
}
