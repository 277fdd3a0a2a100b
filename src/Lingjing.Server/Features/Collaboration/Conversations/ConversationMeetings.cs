using System.Security.Claims;
using Lingjing.Server.Features.Bookings;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Collaboration.Conversations;

/// <summary>An invitation to meet, sent into a thread: either a meeting room booked through the bookings feature (its
/// rules, quotas and approvals apply as to any booking; the booking also opens the meeting's room in the 3D world, which
/// the invited side enters by the sealed invitation) or a time in a park's 3D world.</summary>
public sealed class ConversationMeetings(
    LingjingDbContext db, ConversationService conversations, ConversationPost post, BookingService bookings, TimeProvider time)
{
    public static readonly Field KindField = new("kind", "How to meet");
    public static readonly Field SpaceField = new("spaceId", "Meeting room");
    public static readonly Field ParkField = new("parkId", "Park");
    public static readonly Field StartField = new("start", "Start");
    public static readonly Field EndField = new("end", "End");
    public static readonly Field NoteField = new("note", "Note");
    public static readonly TimeSpan LongestWorldMeeting = TimeSpan.FromHours(8);

    public async Task<Outcome<ConversationDetail>> InviteAsync(Collaborator writer, ClaimsPrincipal user, int id, MeetingInput input, CancellationToken ct)
    {
        var (conversation, side) = await conversations.OwnAsync(writer, id, ct);
        if (conversation is null) return Failure.NotFound("There is no conversation with id {0}.", id);
        var errors = new FieldErrors();
        if (input.Kind is null || !MeetingKinds.All.Contains(input.Kind))
            errors.Add(KindField, "Choose how to meet: {0}.", string.Join(", ", MeetingKinds.All));
        errors.MaxLength(NoteField, input.Note, 1000, multiline: true);
        var start = BookingRules.ParseInstant(input.Start, StartField.Name, out var startProblem);
        if (startProblem is not null) errors.Add(StartField, startProblem.Template, startProblem.Args);
        var end = BookingRules.ParseInstant(input.End, EndField.Name, out var endProblem);
        if (endProblem is not null) errors.Add(EndField, endProblem.Template, endProblem.Args);
        if (!errors.IsEmpty) return Failure.Invalid(errors);
        if (await post.LimitAsync(writer.Party!.Value, ct) is { } limited) return limited;

        var meeting = input.Kind == MeetingKinds.MeetingRoom
            ? await BookRoomAsync(conversation, user, input.SpaceId, input.Start, input.End, ct)
            : await WorldMeetingAsync(writer, input.ParkId, start!.Value, end!.Value, ct);
        if (meeting.Failure is { } failure) return failure;
        await post.WriteAsync(conversation, side!, writer, input.Note, null, null, ct, meeting.Value!);
        return (await conversations.DetailAsync(writer, id, null, ct))!;
    }

    /// <summary>Books the meeting room as the inviter, through the bookings feature.</summary>
    private async Task<Outcome<Action<ConversationMessage>>> BookRoomAsync(Conversation conversation, ClaimsPrincipal user, int? spaceId,
        string? start, string? end, CancellationToken ct)
    {
        var space = spaceId is { } sid ? await db.Set<Space>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == sid, ct) : null;
        if (space is null || space.SpaceType != SpaceTypes.MeetingRoom)
        {
            var errors = new FieldErrors();
            errors.Add(SpaceField, "Choose one of the zone's meeting rooms.");
            return Failure.Invalid(errors);
        }
        var purpose = $"Meeting: {conversation.Subject}";
        if (purpose.Length > BookingRules.MaxPurposeLength) purpose = purpose[..(BookingRules.MaxPurposeLength - 1)] + "…";
        var booked = await bookings.CreateAsync(space.Id, new BookingRequest(start, end, purpose), user, ct);
        if (booked.Failure is { } refused) return refused;
        var booking = booked.Value!;
        return new Action<ConversationMessage>(m =>
        {
            m.MeetingKind = MeetingKinds.MeetingRoom;
            m.MeetingStartsAt = booking.Start.UtcDateTime;
            m.MeetingEndsAt = booking.End.UtcDateTime;
            m.MeetingBookingId = booking.Id;
            m.MeetingParkId = booking.ParkId;
            m.MeetingPlaceZh = booking.SpaceNameZh;
            m.MeetingPlaceEn = booking.SpaceNameEn;
        });
    }

    /// <summary>A time in a park's world (by default the inviter's park): in the future, at most eight hours long.</summary>
    private async Task<Outcome<Action<ConversationMessage>>> WorldMeetingAsync(Collaborator writer, int? parkId, DateTimeOffset start, DateTimeOffset end, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (start <= time.GetUtcNow()) errors.Add(StartField, "The meeting must start in the future.");
        if (end <= start) errors.Add(EndField, "The end must be after the start.");
        else if (end - start > LongestWorldMeeting) errors.Add(EndField, "A meeting in the world may last at most {0} hours.", LongestWorldMeeting.TotalHours);
        var chosen = parkId ?? await HomeParkAsync(writer, ct);
        var park = await db.Set<Park>().AsNoTracking().Where(p => p.Id == chosen)
            .Select(p => new { p.Id, p.NameZh, p.NameEn }).FirstOrDefaultAsync(ct);
        if (park is null) errors.Add(ParkField, "Choose one of the zone's parks.");
        if (!errors.IsEmpty) return Failure.Invalid(errors);
        return new Action<ConversationMessage>(m =>
        {
            m.MeetingKind = MeetingKinds.ParkWorld;
            m.MeetingStartsAt = start.UtcDateTime;
            m.MeetingEndsAt = end.UtcDateTime;
            m.MeetingParkId = park!.Id;
            m.MeetingPlaceZh = park.NameZh;
            m.MeetingPlaceEn = park.NameEn;
        });
    }

    /// <summary>A meeting room offered in the invitation form.</summary>
    public sealed record RoomChoice(int Id, string NameZh, string NameEn, string ParkNameZh, string ParkNameEn);

    /// <summary>The meeting rooms in the parks of the thread's two sides, to choose from.</summary>
    public async Task<IReadOnlyList<RoomChoice>> RoomsForAsync(Collaborator reader, int id, CancellationToken ct)
    {
        var (conversation, _) = await conversations.OwnAsync(reader, id, ct);
        if (conversation is null) return [];
        var enterprises = new[] { conversation.StarterEnterpriseId, conversation.OtherEnterpriseId }.OfType<int>().ToList();
        var institutions = new[] { conversation.StarterInstitutionId, conversation.OtherInstitutionId }.OfType<int>().ToList();
        var parks = await db.Set<Enterprise>().Where(e => enterprises.Contains(e.Id)).Select(e => (int?)e.ParkId)
            .Concat(db.Set<Institution>().Where(i => institutions.Contains(i.Id)).Select(i => i.ParkId)).Distinct().ToListAsync(ct);
        return await (from s in db.Set<Space>().AsNoTracking()
                      join p in db.Set<Park>() on s.ParkId equals p.Id
                      where s.SpaceType == SpaceTypes.MeetingRoom && parks.Contains(s.ParkId)
                      orderby p.Id, s.NameEn
                      select new RoomChoice(s.Id, s.NameZh, s.NameEn, p.NameZh, p.NameEn)).Take(200).ToListAsync(ct);
    }

    private async Task<int> HomeParkAsync(Collaborator writer, CancellationToken ct) =>
        writer.EnterpriseId is { } e ? await db.Set<Enterprise>().Where(x => x.Id == e).Select(x => x.ParkId).FirstOrDefaultAsync(ct)
        : await db.Set<Institution>().Where(x => x.Id == writer.InstitutionId).Select(x => x.ParkId ?? 0).FirstOrDefaultAsync(ct);
}
