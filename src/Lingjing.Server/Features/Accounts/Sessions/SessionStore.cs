using System.Security.Claims;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.Accounts.Sessions;

/// <summary>Starts, checks, lists and ends sign-in sessions.</summary>
public sealed class SessionStore(LingjingDbContext db, SessionCache cache, TimeProvider time, IOptionsMonitor<SignInSessionOptions> options)
{
    private static readonly TimeSpan LastSeenResolution = TimeSpan.FromMinutes(5);

    public async Task<UserSession> StartAsync(LingjingUser user, string kind, HttpContext? http, TimeSpan lifetime, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var session = new UserSession
        {
            Id = Guid.NewGuid(),
            UserId = user.Id,
            Kind = kind,
            ClientAddress = http is null ? "" : ClientAddress.Of(http),
            UserAgent = Truncate(http?.Request.Headers.UserAgent.ToString() ?? "", 300),
            SecurityStamp = user.SecurityStamp,
            CreatedAt = now,
            LastSeenAt = now,
            ExpiresAt = now + lifetime,
        };
        db.Add(session);
        await db.SaveChangesAsync(ct);
        db.Entry(session).State = EntityState.Detached;
        cache.Remember(session.Id, user.Id, active: true);
        return session;
    }

    /// <summary>Whether the principal's session is still on. A principal without a session id (a
    /// cookie or token from before sessions existed) is not.</summary>
    public async Task<bool> IsActiveAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        if (SessionId(principal) is not { } sessionId || principal.UserId() is not { } userId) return false;
        if (cache.Lookup(sessionId, userId) is { } known) return known;
        var now = time.GetUtcNow().UtcDateTime;
        var row = await db.Set<UserSession>().AsNoTracking()
            .Where(s => s.Id == sessionId && s.UserId == userId)
            .Join(db.Users, s => s.UserId, u => u.Id, (s, u) => new { s.EndedAt, s.ExpiresAt, s.LastSeenAt, s.Kind, s.SecurityStamp, UserStamp = u.SecurityStamp })
            .FirstOrDefaultAsync(ct);
        var active = row is not null && row.EndedAt is null && row.ExpiresAt > now && row.SecurityStamp == row.UserStamp;
        if (active && now - row!.LastSeenAt >= LastSeenResolution)
            await TouchAsync(sessionId, row.Kind, now, ct);
        cache.Remember(sessionId, userId, active);
        return active;
    }

    public async Task<IReadOnlyList<SessionView>> ListActiveAsync(Guid userId, Guid? current, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var stamp = await db.Users.Where(u => u.Id == userId).Select(u => u.SecurityStamp).FirstOrDefaultAsync(ct);
        var rows = await db.Set<UserSession>().AsNoTracking()
            .Where(s => s.UserId == userId && s.EndedAt == null && s.ExpiresAt > now)
            .ToListAsync(ct);
        return rows.Where(s => s.SecurityStamp == stamp)
            .OrderByDescending(s => s.LastSeenAt)
            .Select(s => new SessionView(s.Id, s.Kind, s.ClientAddress, s.UserAgent,
                Utc(s.CreatedAt), Utc(s.LastSeenAt), Utc(s.ExpiresAt), s.Id == current))
            .ToList();
    }

    /// <summary>Ends one of the user's sessions; false when the user has no such active session.</summary>
    public async Task<bool> EndAsync(Guid userId, Guid sessionId, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var ended = await db.Set<UserSession>()
            .Where(s => s.Id == sessionId && s.UserId == userId && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now), ct);
        cache.Forget(sessionId);
        return ended > 0;
    }

    /// <summary>Ends every session of the user, except <paramref name="keep"/> (the one changing its
    /// own password), which takes on the user's new security stamp.</summary>
    public async Task<int> EndAllAsync(Guid userId, Guid? keep = null, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var ended = await db.Set<UserSession>()
            .Where(s => s.UserId == userId && s.EndedAt == null && s.Id != keep)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now), ct);
        if (keep is { } kept)
        {
            var stamp = await db.Users.Where(u => u.Id == userId).Select(u => u.SecurityStamp).FirstOrDefaultAsync(ct);
            await db.Set<UserSession>().Where(s => s.Id == kept && s.UserId == userId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.SecurityStamp, stamp), ct);
        }
        cache.ForgetUser(userId);
        return ended;
    }

    public static Guid? SessionId(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(SessionClaims.SessionId), out var id) ? id : null;

    private Task TouchAsync(Guid sessionId, string kind, DateTime now, CancellationToken ct)
    {
        var sessions = db.Set<UserSession>().Where(s => s.Id == sessionId);
        // A cookie slides: its session lasts as long after the last visit as the cookie does.
        return kind == SessionKinds.Cookie
            ? sessions.ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now).SetProperty(x => x.ExpiresAt, now.AddDays(options.CurrentValue.CookieDays)), ct)
            : sessions.ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now), ct);
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
