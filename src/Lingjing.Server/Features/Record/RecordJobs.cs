using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.Record;

/// <summary>Seals entries no commit's nudge sealed (a node stopped in between); on every node, which take turns.</summary>
public sealed class RecordSealJob(RecordSealer sealer, IOptions<RecordOptions> options, TimeProvider time, ILogger<RecordSealJob> logger)
    : RecurringJob(time, logger)
{
    public override string Name => "record-seal";
    protected override TimeSpan Interval => options.Value.SealEvery;
    protected override bool RunsAtStart => true;
    protected override bool OncePerCluster => false;

    protected override Task RunAsync(CancellationToken ct) => sealer.SealAsync(ct);
}

/// <summary>Publishes the chain's head (its length, its last hash and that entry's signature) when it moved since the last
/// publication: anyone who keeps the published heads can tell a chain rewritten or cut short afterwards.</summary>
public sealed class RecordHeadJob(IServiceScopeFactory scopes, IOptions<RecordOptions> options, TimeProvider time, ILogger<RecordHeadJob> logger)
    : RecurringJob(time, logger)
{
    public override string Name => "record-head";
    protected override TimeSpan Interval => options.Value.PublishHeadEvery;
    protected override bool RunsAtStart => true;

    protected override Task RunAsync(CancellationToken ct) => PublishAsync(ct);

    /// <summary>Publishes the head now if it moved since the last publication.</summary>
    public async Task PublishAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
        var head = await db.Set<RecordEntry>().AsNoTracking().Where(e => e.Seq != null).OrderByDescending(e => e.Seq).FirstOrDefaultAsync(ct);
        if (head is null) return;
        var published = await db.Set<RecordHead>().AsNoTracking().OrderByDescending(h => h.Id).Select(h => (long?)h.Seq).FirstOrDefaultAsync(ct);
        if (published == head.Seq) return;
        db.Add(new RecordHead { Seq = head.Seq!.Value, Hash = head.Hash!, Signature = head.Signature!, PublishedAt = Time.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
    }
}
