using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Components.Shared;

/// <summary>Whether the synthetic demo zone is installed (the demo.seeded setting). Uses a scope of its
/// own: components ask while the page may be querying its own DbContext at the same time.</summary>
public static class DemoDataFlag
{
    public static async Task<bool> IsSetAsync(IServiceScopeFactory scopes)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
        return await db.Set<SystemSetting>().AsNoTracking().AnyAsync(s => s.Key == ZoneStatistics.DemoSettingKey);
    }
}
