using Lingjing.Server.Features.World.Realtime;

namespace Lingjing.Server.Features.World.Meetings;

/// <summary>A confirmed booking of a meeting room, as its room in the world sees it.</summary>
public sealed record Meeting(
    Guid BookingId,
    Guid HolderId,
    int ParkId,
    int SpaceId,
    string NameZh,
    string NameEn,
    int Capacity,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string Status)
{
    /// <summary>The room opens a little before the meeting starts, so people can arrive and test their microphones.</summary>
    public DateTimeOffset OpensAt => StartsAt - MeetingRooms.OpensEarly;

    public string WorldId => WorldIds.Meeting(BookingId);
}
