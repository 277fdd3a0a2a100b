using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Bookings;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Lingjing.Server.Tests.World.Meetings;

/// <summary>A park with a meeting room and a studio, the holder of a booking, someone from another enterprise to
/// invite and a stranger; bookings are written straight to the database at times relative to now.</summary>
public sealed class MeetingScene
{
    public required LingjingApp App { get; init; }
    public required int ParkId { get; init; }
    public required int MeetingRoomId { get; init; }
    public required int StudioId { get; init; }
    public required string Holder { get; init; }
    public required Guid HolderId { get; init; }
    public required string Invitee { get; init; }
    public required string Stranger { get; init; }

    public static async Task<MeetingScene> CreateAsync(LingjingApp app, int capacity = 12)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
        var park = ZoneRows.Park("Meeting Park");
        db.Add(park);
        await db.SaveChangesAsync();
        var (home, other) = (ZoneRows.Enterprise(park.Id, "Holder Studio Ltd"), ZoneRows.Enterprise(park.Id, "Invited Design Ltd"));
        var room = ZoneRows.Space(park.Id, "Meeting Room A", capacity: capacity);
        var studio = ZoneRows.Space(park.Id, "Studio B");
        studio.SpaceType = "studio";
        db.AddRange(home, other, room, studio);
        await db.SaveChangesAsync();
        var holder = SharedApps.Email("holder");
        var invitee = SharedApps.Email("invitee");
        var stranger = SharedApps.Email("stranger");
        var holderUser = await TestUsers.CreateAsync(app, holder, Roles.Employee, enterpriseId: home.Id);
        await TestUsers.CreateAsync(app, invitee, Roles.Employee, enterpriseId: other.Id);
        await TestUsers.CreateAsync(app, stranger, Roles.Employee, enterpriseId: other.Id);
        return new MeetingScene
        {
            App = app, ParkId = park.Id, MeetingRoomId = room.Id, StudioId = studio.Id,
            Holder = holder, HolderId = holderUser.Id, Invitee = invitee, Stranger = stranger,
        };
    }

    /// <summary>A booking of the holder's, starting <paramref name="startsIn"/> from now (negative: already started).</summary>
    public async Task<Guid> BookAsync(TimeSpan startsIn, TimeSpan? length = null, string status = BookingStatus.Confirmed, int? spaceId = null)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
        var start = TestClock.Now + startsIn;
        var end = start + (length ?? TimeSpan.FromHours(1));
        var booking = new Booking
        {
            Id = Guid.NewGuid(), SpaceId = spaceId ?? MeetingRoomId, UserId = HolderId, StartsAt = start.UtcDateTime, EndsAt = end.UtcDateTime,
            HeldUntil = end.UtcDateTime, Purpose = "Project review", Attendees = 6, Status = status,
            CheckInCode = Guid.NewGuid().ToString("N"), CreatedAt = TestClock.Now.UtcDateTime,
        };
        db.Add(booking);
        await db.SaveChangesAsync();
        return booking.Id;
    }
}
