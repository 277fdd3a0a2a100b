using Lingjing.Server.Features.Bookings;
using Lingjing.Server.Features.World.Realtime;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.World.Meetings;

/// <summary>
/// Who may enter which meeting's room, and when. A meeting is a confirmed booking of a meeting room; its holder and
/// the people they invited enter from 15 minutes before its start until its end. Opening the invitation link signed
/// in makes someone an invitee, from any enterprise.
/// </summary>
public sealed class MeetingRooms(LingjingDbContext db, MeetingLinks links, TimeProvider time)
{
    public static readonly TimeSpan OpensEarly = TimeSpan.FromMinutes(15);

    public async Task<Meeting?> FindAsync(Guid bookingId, CancellationToken cancellationToken)
    {
        var booking = await MeetingBookings().FirstOrDefaultAsync(b => b.Id == bookingId, cancellationToken);
        if (booking is null) return null;
        var space = await db.Set<Space>().AsNoTracking().FirstAsync(s => s.Id == booking.SpaceId, cancellationToken);
        return ToMeeting(booking, space);
    }

    /// <summary>Lets someone in: the holder, an invitee, or someone with a valid invitation (recorded as an invitee,
    /// even before the room opens, so they can come back by the plain link).</summary>
    public async Task<Outcome<Meeting>> EnterAsync(Guid bookingId, Guid userId, string? invitation, CancellationToken cancellationToken)
    {
        if (await FindAsync(bookingId, cancellationToken) is not { } meeting) return MeetingFailures.NoMeeting();
        var known = meeting.HolderId == userId || await IsInviteeAsync(bookingId, userId, cancellationToken);
        if (!known && (invitation is null || !links.IsInvitation(bookingId, invitation))) return MeetingFailures.NotInvited();
        if (meeting.Status != BookingStatus.Confirmed) return MeetingFailures.NotConfirmed();
        var now = time.GetUtcNow();
        if (now >= meeting.EndsAt) return MeetingFailures.Over();
        if (!known) await AddInviteeAsync(bookingId, userId, now, cancellationToken);
        if (now < meeting.OpensAt) return MeetingFailures.NotOpenYet(meeting.OpensAt);
        return meeting;
    }

    /// <summary>This person's next meeting in a meeting room (held or invited to), if it starts within a day: the
    /// park world's card of the room offers its door.</summary>
    public async Task<Meeting?> NextInRoomAsync(Guid userId, int spaceId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var withinADay = now.AddDays(1);
        var id = await MeetingBookings()
            .Where(b => b.SpaceId == spaceId && b.Status == BookingStatus.Confirmed && b.EndsAt > now && b.StartsAt <= withinADay)
            .Where(b => b.UserId == userId || db.Set<MeetingInvitee>().Any(i => i.BookingId == b.Id && i.UserId == userId))
            .OrderBy(b => b.StartsAt)
            .Select(b => (Guid?)b.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return id is { } bookingId ? await FindAsync(bookingId, cancellationToken) : null;
    }

    /// <summary>The world ids of the meetings open now that this person holds or was invited to.</summary>
    public async Task<IReadOnlySet<string>> OpenWorldsOfAsync(Guid userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var opened = now + OpensEarly;
        var ids = await MeetingBookings()
            .Where(b => b.Status == BookingStatus.Confirmed && b.StartsAt <= opened && b.EndsAt > now)
            .Where(b => b.UserId == userId || db.Set<MeetingInvitee>().Any(i => i.BookingId == b.Id && i.UserId == userId))
            .Select(b => b.Id)
            .ToListAsync(cancellationToken);
        return ids.Select(WorldIds.Meeting).ToHashSet();
    }

    public Task<bool> IsInviteeAsync(Guid bookingId, Guid userId, CancellationToken cancellationToken) =>
        db.Set<MeetingInvitee>().AnyAsync(i => i.BookingId == bookingId && i.UserId == userId, cancellationToken);

    /// <summary>The names of the people invited so far, for the holder.</summary>
    public async Task<IReadOnlyList<string>> InviteesAsync(Guid bookingId, CancellationToken cancellationToken) =>
        await db.Set<MeetingInvitee>().AsNoTracking().Where(i => i.BookingId == bookingId)
            .Join(db.Users, i => i.UserId, u => u.Id, (i, u) => new { i.JoinedAt, u.DisplayName, u.Email })
            .OrderBy(x => x.JoinedAt)
            .Select(x => x.DisplayName != "" ? x.DisplayName : x.Email!)
            .ToListAsync(cancellationToken);

    private async Task AddInviteeAsync(Guid bookingId, Guid userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        db.Add(new MeetingInvitee { BookingId = bookingId, UserId = userId, JoinedAt = now.UtcDateTime });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear(); // the same person opened the link twice at once: recorded by the other request
        }
    }

    /// <summary>Bookings of meeting rooms.</summary>
    private IQueryable<Booking> MeetingBookings() =>
        db.Set<Booking>().AsNoTracking().Where(b => db.Set<Space>().Any(s => s.Id == b.SpaceId && s.SpaceType == SpaceTypes.MeetingRoom));

    private static Meeting ToMeeting(Booking booking, Space space) => new(
        booking.Id, booking.UserId, space.ParkId, space.Id, space.NameZh, space.NameEn, space.Capacity,
        SpaceCalendar.Utc(booking.StartsAt), SpaceCalendar.Utc(booking.EndsAt), booking.Status);
}
