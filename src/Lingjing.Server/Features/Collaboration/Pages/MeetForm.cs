using System.Globalization;
using Lingjing.Server.Features.Collaboration.Conversations;

namespace Lingjing.Server.Features.Collaboration.Pages;

/// <summary>The form inviting the other side to meet: how, which meeting room, when (the zone's local time, as a
/// datetime-local field gives it) and for how long.</summary>
public sealed class MeetForm
{
    public static readonly int[] Lengths = [30, 60, 90, 120];

    public string? Kind { get; set; } = MeetingKinds.MeetingRoom;
    public int? SpaceId { get; set; }
    public string? Start { get; set; }
    public int Minutes { get; set; } = 60;
    public string? Note { get; set; }

    /// <summary>The API's input: the local start with the zone's offset, and the end after <see cref="Minutes"/>.</summary>
    public MeetingInput ToInput(TimeZoneInfo zone)
    {
        string? start = null, end = null;
        if (DateTime.TryParse(Start, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            var at = new DateTimeOffset(local, zone.GetUtcOffset(local));
            start = at.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
            end = at.AddMinutes(Lengths.Contains(Minutes) ? Minutes : 60).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
        }
        return new MeetingInput(Kind, Kind == MeetingKinds.MeetingRoom ? SpaceId : null, null, start ?? Start, end ?? Start, Note);
    }
}
