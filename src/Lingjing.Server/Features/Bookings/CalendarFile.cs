using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Lingjing.Server.Features.Bookings;

/// <summary>An iCalendar (RFC 5545) file, written by Ical.Net: it escapes text, folds lines at 75 octets
/// without splitting a character and writes the zone's VTIMEZONE. Start and end are the zone's local
/// times with TZID, so a calendar in another time zone still shows when the park's clock says.</summary>
public sealed class CalendarFile
{
    private readonly Calendar calendar = new() { ProductId = "-//Lingjing//Cloud Park//EN", Method = CalendarMethods.Publish, Scale = CalendarScales.Gregorian };
    private readonly TimeZoneInfo zone;
    private readonly string zoneId;

    /// <param name="now">Rules of the zone from a year before now are written: enough for every event a file holds.</param>
    public CalendarFile(string name, TimeZoneInfo zone, DateTimeOffset now)
    {
        this.zone = zone;
        zoneId = IanaId(zone);
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("X-WR-TIMEZONE", zoneId);
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(zoneId, now.UtcDateTime.AddYears(-1), includeHistoricalData: false));
    }

    public void AddEvent(CalendarEntry entry) => calendar.Events.Add(new CalendarEvent
    {
        Uid = entry.Uid,
        DtStamp = new CalDateTime(entry.Stamp.UtcDateTime, CalDateTime.UtcTzId),
        DtStart = Local(entry.Start),
        DtEnd = Local(entry.End),
        Summary = entry.Summary,
        Location = entry.Location,
        Description = entry.Description,
        Status = entry.Status,
        Url = entry.Url is null ? null : new Uri(entry.Url),
    });

    public override string ToString() => new CalendarSerializer().SerializeToString(calendar) ?? "";

    /// <summary>The iCalendar STATUS of a booking: pending is tentative, anything not live is cancelled.</summary>
    public static string StatusOf(string bookingStatus) => bookingStatus switch
    {
        BookingStatus.Confirmed => EventStatus.Confirmed,
        BookingStatus.Pending => EventStatus.Tentative,
        _ => EventStatus.Cancelled,
    };

    private CalDateTime Local(DateTimeOffset instant) =>
        new(DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(instant, zone).DateTime, DateTimeKind.Unspecified), zoneId);

    /// <summary>Calendars know zones by their IANA names; a Windows id set in configuration is translated.</summary>
    private static string IanaId(TimeZoneInfo zone) =>
        zone.HasIanaId ? zone.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana : zone.Id;
}
