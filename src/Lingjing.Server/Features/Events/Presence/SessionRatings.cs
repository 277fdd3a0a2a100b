using System.Security.Claims;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Events.Presence;

/// <summary>Attendees rate the sessions they heard, 1 to 5 stars, once a session has begun; rating again changes
/// their rating (one row per person and session, the primary key).</summary>
public sealed class SessionRatings(LingjingDbContext db, TimeProvider time)
{
    public async Task<Outcome<SessionRatingView>> RateAsync(ClaimsPrincipal user, int eventId, int sessionId, RatingInput input, CancellationToken ct)
    {
        var me = user.UserId()!.Value;
        var session = await db.Set<EventSession>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId && s.EventId == eventId, ct);
        if (session is null) return Failure.NotFound("Event {0} has no session {1}.", eventId, sessionId);
        if (!await db.Set<EventRegistration>().AnyAsync(r => r.EventId == eventId && r.UserId == me && r.Status == RegistrationStatus.Confirmed, ct))
            return Failure.Forbidden("Sessions are rated by the people registered for the event.");
        if (input.Stars is not (>= 1 and <= 5)) return Failure.Invalid("Give the session 1 to 5 stars.");
        var now = time.GetUtcNow().UtcDateTime;
        if (session.StartsAt > now) return Failure.Conflict("The session has not begun yet; rate it once you have heard it.");
        var row = await db.Set<EventSessionRating>().FirstOrDefaultAsync(r => r.SessionId == sessionId && r.UserId == me, ct);
        if (row is null) db.Add(new EventSessionRating { SessionId = sessionId, UserId = me, Stars = input.Stars.Value, RatedAt = now });
        else (row.Stars, row.RatedAt) = (input.Stars.Value, now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException error) when (DatabaseErrors.IsUniqueViolation(error))
        {
            // Rated a moment ago in another tab: the rating there stands, this one replaces it.
            db.ChangeTracker.Clear();
            await db.Set<EventSessionRating>().Where(r => r.SessionId == sessionId && r.UserId == me)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Stars, input.Stars.Value).SetProperty(r => r.RatedAt, now), ct);
        }
        return await ViewAsync(sessionId, me, ct);
    }

    /// <summary>The person's own ratings of an event's sessions, by session id.</summary>
    public async Task<IReadOnlyDictionary<int, int>> MineAsync(Guid userId, int eventId, CancellationToken ct) =>
        await (from r in db.Set<EventSessionRating>()
               join s in db.Set<EventSession>() on r.SessionId equals s.Id
               where s.EventId == eventId && r.UserId == userId
               select new { r.SessionId, r.Stars }).ToDictionaryAsync(r => r.SessionId, r => r.Stars, ct);

    private async Task<SessionRatingView> ViewAsync(int sessionId, Guid me, CancellationToken ct)
    {
        var stars = await db.Set<EventSessionRating>().Where(r => r.SessionId == sessionId).Select(r => new { r.UserId, r.Stars }).ToListAsync(ct);
        return new SessionRatingView(sessionId, stars.Count, stars.Count == 0 ? 0 : Math.Round(stars.Average(s => s.Stars), 2),
            stars.FirstOrDefault(s => s.UserId == me)?.Stars);
    }
}

public sealed record RatingInput(int? Stars);

public sealed record SessionRatingView(int SessionId, int Ratings, double Average, int? Mine);
