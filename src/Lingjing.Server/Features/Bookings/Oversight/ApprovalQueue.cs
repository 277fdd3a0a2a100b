using System.Security.Claims;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Bookings.Oversight;

/// <summary>A pending booking with the name of the enterprise that asked for it.</summary>
public sealed record ApprovalItem(PendingBooking Pending, string? EnterpriseZh, string? EnterpriseEn);

/// <summary>The park operator's queue of pending bookings (soonest first), from
/// <see cref="BookingDecisions.QueueAsync"/>, with enterprise names looked up in one query.</summary>
public sealed class ApprovalQueue(LingjingDbContext db, BookingDecisions decisions)
{
    public async Task<List<ApprovalItem>> ForAsync(ClaimsPrincipal reviewer, CancellationToken ct)
    {
        var queue = await decisions.QueueAsync(reviewer, ct);
        var ids = queue.Where(p => p.EnterpriseId is not null).Select(p => p.EnterpriseId!.Value).Distinct().ToList();
        var names = ids.Count == 0
            ? []
            : await db.Set<Enterprise>().AsNoTracking().Where(e => ids.Contains(e.Id)).Select(e => new { e.Id, e.NameZh, e.NameEn }).ToDictionaryAsync(e => e.Id, ct);
        return queue.Select(p => p.EnterpriseId is { } id && names.TryGetValue(id, out var e)
            ? new ApprovalItem(p, e.NameZh, e.NameEn)
            : new ApprovalItem(p, null, null)).ToList();
    }
}
