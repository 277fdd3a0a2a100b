using System.Security.Claims;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Caching;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Bookings;

/// <summary>Park operators set the booking rules, opening hours, capacity and blackout days of their
/// park's spaces (the government of any). Everyone signed in may read them.</summary>
public sealed class SpaceRulesService(LingjingDbContext db, BookableSpaces spaces, CacheEviction eviction, TimeProvider time)
{
    public const int MaxBlackoutDays = 366;

    public async Task<SpaceRulesView?> GetAsync(int spaceId, CancellationToken ct) =>
        await spaces.FindAsync(spaceId, ct) is { } bookable ? SpaceRulesView.Of(bookable) : null;

    /// <summary>Null when the person may not manage the space (or it does not exist).</summary>
    public async Task<BookableSpace?> ManagedAsync(int spaceId, ClaimsPrincipal user, CancellationToken ct)
    {
        var bookable = await spaces.FindAsync(spaceId, ct);
        if (bookable is null) return null;
        return user.IsInRole(Roles.Government) || (user.IsInRole(Roles.ParkOperator) && user.ParkId() == bookable.Space.ParkId) ? bookable : null;
    }

    public async Task<FieldErrors> UpdateAsync(int spaceId, SpaceRulesUpdate update, CancellationToken ct)
    {
        var errors = update.Validate(out var opensAt, out var closesAt, out var openDays);
        if (!errors.IsEmpty) return errors;
        var space = await db.Set<Space>().FirstAsync(s => s.Id == spaceId, ct);
        space.OpensAt = opensAt;
        space.ClosesAt = closesAt;
        space.OpenDays = openDays;
        space.Capacity = update.Capacity;
        var rules = await db.Set<SpaceBookingRules>().FirstOrDefaultAsync(r => r.SpaceId == spaceId, ct);
        if (rules is null) db.Add(rules = new SpaceBookingRules { SpaceId = spaceId });
        rules.DefaultMinutes = update.DefaultMinutes;
        rules.MinMinutes = update.MinMinutes;
        rules.MaxMinutes = update.MaxMinutes;
        rules.BufferMinutes = update.BufferMinutes;
        rules.MaxDaysAhead = update.MaxDaysAhead;
        rules.WeeklyQuotaPerEnterprise = update.WeeklyQuotaPerEnterprise;
        rules.RequiresApproval = update.RequiresApproval;
        rules.Audience = update.Audience!;
        rules.NoShowReleaseMinutes = update.NoShowReleaseMinutes;
        rules.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await spaces.EvictAsync(spaceId);
        return errors;
    }

    public async Task<(BlackoutView? Blackout, FieldErrors Errors)> AddBlackoutAsync(int spaceId, BlackoutRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (request.FirstDay is null) errors.Add(BlackoutRequest.FirstDayField, "This field is required.");
        if (request.LastDay is null) errors.Add(BlackoutRequest.LastDayField, "This field is required.");
        if (request.FirstDay is { } first && request.LastDay is { } last)
        {
            if (last < first) errors.Add(BlackoutRequest.LastDayField, "The last day must not be before the first day.");
            else if (last.DayNumber - first.DayNumber >= MaxBlackoutDays) errors.Add(BlackoutRequest.LastDayField, "At most {0} days at once.", MaxBlackoutDays);
        }
        errors.MaxLength(BlackoutRequest.ReasonField, request.Reason, 200);
        if (!errors.IsEmpty) return (null, errors);
        var blackout = new SpaceBlackout { SpaceId = spaceId, FirstDay = request.FirstDay!.Value, LastDay = request.LastDay!.Value, Reason = request.Reason?.Trim() ?? "" };
        db.Add(blackout);
        await db.SaveChangesAsync(ct);
        await spaces.EvictAsync(spaceId);
        return (new BlackoutView(blackout.Id, blackout.FirstDay, blackout.LastDay, blackout.Reason), errors);
    }

    public async Task<bool> RemoveBlackoutAsync(int spaceId, int blackoutId, CancellationToken ct)
    {
        var removed = await db.Set<SpaceBlackout>().Where(b => b.Id == blackoutId && b.SpaceId == spaceId).ExecuteDeleteAsync(ct);
        // A bulk delete passes no save interceptor: evict what was read from the table by hand.
        await eviction.TablesChangedAsync(["space_blackouts"], ct);
        return removed > 0;
    }
}
