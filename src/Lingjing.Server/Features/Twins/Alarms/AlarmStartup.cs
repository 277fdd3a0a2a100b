using Lingjing.Server.Infrastructure;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Twins.Alarms;

/// <summary>Before requests: the rules and the open alarms into the engine.</summary>
internal sealed class AlarmStartup(LingjingDbContext db, AlarmEngine engine) : IDataInitializer
{
    public int Order => 27;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var rules = await db.Set<AlarmRule>().AsNoTracking().ToListAsync(cancellationToken);
        var open = await db.Set<Alarm>().AsNoTracking().Where(a => a.State != AlarmStates.Cleared)
            .Select(a => new { a.RuleId, a.TwinId, a.Id }).ToListAsync(cancellationToken);
        engine.Load(rules, open.Select(a => (a.RuleId, a.TwinId, a.Id)));
    }
}
