using System.Globalization;

namespace Lingjing.Server.Features.Events.Pages;

/// <summary>The new-event form's fields as typed (text), in the zone's clock, turned into an <see cref="EventInput"/>.
/// The agenda is one session per line: <c>2027-01-05 09:00-09:50 | 开幕 | Opening | Main hall | Speaker A; Speaker B</c>
/// (room and speakers optional).</summary>
public sealed class EventEditorForm
{
    public static readonly Field DayField = new("day", "Day");
    public static readonly Field AgendaField = new("agenda", "Agenda");

    public string? TitleZh { get; set; }
    public string? TitleEn { get; set; }
    public string? DescriptionZh { get; set; }
    public string? DescriptionEn { get; set; }
    public string? Kind { get; set; } = EventKinds.Forum;
    public string? Day { get; set; }
    public string? StartTime { get; set; } = "09:00";
    public string? EndDay { get; set; }
    public string? EndTime { get; set; } = "12:00";
    public string? Venue { get; set; } = EventVenues.Hall;
    public string? Capacity { get; set; } = "100";
    public string? Registration { get; set; } = RegistrationModes.Open;
    public string? Agenda { get; set; }

    /// <summary>The input, or null with what could not be read (the rest is checked by <see cref="EventInput.Validate"/>).</summary>
    public EventInput? ToInput(TimeZoneInfo zone, FieldErrors errors)
    {
        var start = At(Day, StartTime, zone);
        var end = At(string.IsNullOrWhiteSpace(EndDay) ? Day : EndDay, EndTime, zone);
        if (start is null || end is null) errors.Add(DayField, "Choose the days and times, such as 2027-01-05 and 09:30.");
        if (!int.TryParse(Capacity, NumberStyles.None, CultureInfo.InvariantCulture, out var capacity))
            errors.Add(EventInput.CapacityField, "A whole number from {0} to {1:#,0}.", 1, EventInput.MaxCapacity);
        var sessions = new List<SessionInput>();
        var lines = (Agenda ?? "").Replace("\r\n", "\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = 0; i < lines.Length; i++)
        {
            if (Session(lines[i], zone) is { } session) sessions.Add(session);
            else errors.Add(AgendaField, "Line {0}: write \"2027-01-05 09:00-09:50 | 中文标题 | English title | room | speakers\".", i + 1);
        }
        if (!errors.IsEmpty) return null;
        return new EventInput(TitleZh, TitleEn, DescriptionZh, DescriptionEn, Kind, start, end, zone.Id, Venue, null, capacity, Registration, sessions);
    }

    private static SessionInput? Session(string line, TimeZoneInfo zone)
    {
        var parts = line.Split('|', StringSplitOptions.TrimEntries);
        if (parts.Length < 3) return null;
        var when = parts[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var times = when.Length == 2 ? when[1].Split('-', StringSplitOptions.TrimEntries) : [];
        if (times.Length != 2 || At(when[0], times[0], zone) is not { } start || At(when[0], times[1], zone) is not { } end) return null;
        var speakers = parts.Length > 4 ? parts[4].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
        return new SessionInput(parts[1], parts[2], parts.Length > 3 ? parts[3] : null, start, end, speakers);
    }

    private static DateTimeOffset? At(string? day, string? time, TimeZoneInfo zone)
    {
        if (!DateOnly.TryParseExact(day?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return null;
        if (!TimeOnly.TryParseExact(time?.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)) return null;
        var local = date.ToDateTime(at);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
