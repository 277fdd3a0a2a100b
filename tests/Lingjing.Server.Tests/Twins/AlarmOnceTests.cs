using Lingjing.Server.Features.Twins.Alarms;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lingjing.Server.Tests.Twins;

/// <summary>One open alarm per rule and twin, whichever node saw the rule broken: a second raise is refused by the
/// database and recognised as such, and once the alarm is cleared the rule may raise again.</summary>
public sealed class AlarmOnceTests
{
    [Theory, BothDatabases]
    public async Task A_rule_has_one_open_alarm_per_twin(Db db)
    {
        var app = await SharedApps.Blank(db);
        await using var scope = app.Services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
        var rule = new AlarmRule { Telemetry = "temperature", Kind = AlarmKinds.Threshold, Threshold = 30, NameEn = "Too hot", NameZh = "过热", TwinId = "once-" + Guid.NewGuid().ToString("N")[..8] };
        context.Add(rule);
        await context.SaveChangesAsync();

        context.Add(Raised(rule));
        await context.SaveChangesAsync();
        context.Add(Raised(rule));
        var second = await Should.ThrowAsync<DbUpdateException>(() => context.SaveChangesAsync());
        DatabaseErrors.IsUniqueViolation(second).ShouldBeTrue();
        context.ChangeTracker.Clear();

        await context.Set<Alarm>().Where(a => a.RuleId == rule.Id).ExecuteUpdateAsync(u => u.SetProperty(a => a.State, AlarmStates.Cleared));
        context.Add(Raised(rule));
        await context.SaveChangesAsync();
        (await context.Set<Alarm>().CountAsync(a => a.RuleId == rule.Id)).ShouldBe(2);
    }

    private static Alarm Raised(AlarmRule rule) => new()
    {
        Id = Guid.NewGuid(), RuleId = rule.Id, TwinId = rule.TwinId!, Severity = rule.Severity, MessageEn = "hot", MessageZh = "热",
        RaisedAt = DateTime.UtcNow,
    };
}
