using System.Globalization;
using System.Text;

namespace Lingjing.Server.Features.Bookings;

/// <summary>Writes an iCalendar (RFC 5545) file: CRLF line ends, text escaped, lines folded at 75 octets.</summary>
public sealed class ICalendar
{
    private readonly StringBuilder text = new();

    public ICalendar(string name)
    {
        Line("BEGIN:VCALENDAR");
        Line("VERSION:2.0");
        Line("PRODID:-//Lingjing//Cloud Park//EN");
        Line("CALSCALE:GREGORIAN");
        Line("METHOD:PUBLISH");
        Line("X-WR-CALNAME:" + Escape(name));
    }

    public void AddEvent(string uid, DateTimeOffset start, DateTimeOffset end, DateTimeOffset stamp, string summary,
        string? location = null, string? description = null, string status = "CONFIRMED", string? url = null)
    {
        Line("BEGIN:VEVENT");
        Line("UID:" + uid);
        Line("DTSTAMP:" + Utc(stamp));
        Line("DTSTART:" + Utc(start));
        Line("DTEND:" + Utc(end));
        Line("SUMMARY:" + Escape(summary));
        if (location is not null) Line("LOCATION:" + Escape(location));
        if (description is not null) Line("DESCRIPTION:" + Escape(description));
        if (url is not null) Line("URL:" + url);
        Line("STATUS:" + status);
        Line("END:VEVENT");
    }

    public override string ToString() => text + "END:VCALENDAR\r\n";

    public static string StatusOf(string bookingStatus) => bookingStatus switch
    {
        BookingStatus.Confirmed => "CONFIRMED",
        BookingStatus.Pending => "TENTATIVE",
        _ => "CANCELLED",
    };

    private static string Utc(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Escape(string value) => value
        .Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal).Replace("\r\n", "\\n", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>Appends a content line, folded so no physical line exceeds 75 octets of UTF-8
    /// (never splitting a character).</summary>
    private void Line(string line)
    {
        var octets = 0;
        var limit = 75;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > limit)
            {
                text.Append("\r\n ");
                octets = 0;
                limit = 74; // the leading space of a continuation line counts
            }
            text.Append(rune.ToString());
            octets += size;
        }
        text.Append("\r\n");
    }
}
