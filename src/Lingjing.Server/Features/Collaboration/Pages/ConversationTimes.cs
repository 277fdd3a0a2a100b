using System.Globalization;

namespace Lingjing.Server.Features.Collaboration.Pages;

/// <summary>Times of messages as people read them, in the zone's time zone: the hour today, the date before.</summary>
public static class ConversationTimes
{
    public static string Short(DateTime utc, TimeZoneInfo zone, DateTimeOffset now)
    {
        var at = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
        var today = TimeZoneInfo.ConvertTime(now, zone).Date;
        return at.ToString(at.Date == today ? "HH:mm" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
    }

    public static string Hour(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone).ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string Full(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
