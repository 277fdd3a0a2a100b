using System.Globalization;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Collaboration.Moderation;

/// <summary>Whether an enterprise or institution is suspended from collaboration by a moderator, now.</summary>
public sealed class Suspensions(LingjingDbContext db, TimeProvider time)
{
    /// <summary>A 403 naming the end of the suspension, or null while the party may publish and write.</summary>
    public async Task<Failure?> RefusalAsync(Party party, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var rows = db.Set<CollaborationSuspension>().Where(s => s.Until > now);
        rows = party.EnterpriseId is { } e ? rows.Where(s => s.EnterpriseId == e) : rows.Where(s => s.InstitutionId == party.InstitutionId);
        var until = await rows.MaxAsync(s => (DateTime?)s.Until, ct);
        return until is { } end
            ? Failure.Forbidden("A moderator has suspended your side from publishing and writing until {0} (UTC).",
                end.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)) with { Code = "collaboration.suspended" }
            : null;
    }
}
