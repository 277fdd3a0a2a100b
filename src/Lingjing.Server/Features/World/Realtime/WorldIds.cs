using System.Globalization;

namespace Lingjing.Server.Features.World.Realtime;

/// <summary>Ids of the realtime worlds: <c>park-{parkId}</c> for each park, <c>zone</c> for the whole zone and
/// <c>meeting-{bookingId:N}</c> for the room of a meeting-room booking.</summary>
public static class WorldIds
{
    public const string Zone = "zone";
    private const string ParkPrefix = "park-";
    private const string MeetingPrefix = "meeting-";

    public static string Meeting(Guid bookingId) => MeetingPrefix + bookingId.ToString("N");

    public static bool TryParseMeeting(string worldId, out Guid bookingId)
    {
        bookingId = Guid.Empty;
        return worldId.StartsWith(MeetingPrefix, StringComparison.Ordinal)
            && Guid.TryParseExact(worldId.AsSpan(MeetingPrefix.Length), "N", out bookingId);
    }

    public static string Park(int parkId) => ParkPrefix + parkId.ToString(CultureInfo.InvariantCulture);

    public static bool TryParsePark(string worldId, out int parkId)
    {
        parkId = 0;
        return worldId.StartsWith(ParkPrefix, StringComparison.Ordinal)
            && int.TryParse(worldId.AsSpan(ParkPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out parkId)
            && parkId > 0;
    }
}
