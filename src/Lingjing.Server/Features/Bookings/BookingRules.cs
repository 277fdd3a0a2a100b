using System.Globalization;
using System.Text.RegularExpressions;
using Lingjing.Server.Features.Zone;

namespace Lingjing.Server.Features.Bookings;

/// <summary>The rules every booking obeys, each failure named in words: instants carry an offset,
/// the end follows the start, the space's minimum and maximum duration, not in the past, not further
/// ahead than the space allows, within its opening hours on an open day (zone time), not on a
/// blackout day, and no more attendees than it holds.</summary>
internal static partial class BookingRules
{
    public const int MaxPurposeLength = 500;
    public const int MaxReasonLength = 500;

    [GeneratedRegex(@"(Z|[+-]\d{2}:?\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex OffsetSuffix();

    /// <summary>Reads an ISO 8601 instant that must carry an offset (Z or ±hh:mm).</summary>
    public static DateTimeOffset? ParseInstant(string? text, string name, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            problem = $"{name} is required: an ISO 8601 date and time with an offset, such as 2026-12-01T10:00:00+08:00.";
            return null;
        }
        var trimmed = text.Trim();
        if (!OffsetSuffix().IsMatch(trimmed) || !trimmed.Contains('T', StringComparison.OrdinalIgnoreCase))
        {
            problem = $"{name} must be an ISO 8601 date and time with an offset (Z or ±hh:mm), such as 2026-12-01T10:00:00+08:00; '{Shorten(trimmed)}' has no offset.";
            return null;
        }
        if (!DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            problem = $"{name} is not a valid ISO 8601 date and time: '{Shorten(trimmed)}'.";
            return null;
        }
        return value;
    }

    /// <summary>The first broken rule of the range, or null when it may be booked.</summary>
    public static string? Check(BookableSpace bookable, DateTimeOffset start, DateTimeOffset end, DateTimeOffset now, TimeZoneInfo zone)
    {
        var (space, rules) = (bookable.Space, bookable.Rules);
        if (end <= start) return "end must be after start.";
        var duration = end - start;
        if (duration < TimeSpan.FromMinutes(rules.MinMinutes)) return $"The booking is too short: this space needs at least {Minutes(rules.MinMinutes)}.";
        if (duration > TimeSpan.FromMinutes(rules.MaxMinutes)) return $"The booking is too long: this space allows at most {Minutes(rules.MaxMinutes)}.";
        if (start < now) return "start is in the past.";
        if (start > now + TimeSpan.FromDays(rules.MaxDaysAhead))
            return $"The booking is too far ahead: this space can be booked at most {rules.MaxDaysAhead} days ahead.";
        if (!SpaceCalendar.FitsOpeningHours(space, start, end, zone))
            return $"The booking is outside the space's opening hours ({space.OpensAt:HH\\:mm}-{space.ClosesAt:HH\\:mm} on its open days, zone time).";
        var firstDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, zone).DateTime);
        var lastDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(end - TimeSpan.FromTicks(1), zone).DateTime);
        for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
        {
            if (bookable.BlackoutOn(day) is { } blackout)
                return $"The space is closed for bookings on {day:yyyy-MM-dd}" + (blackout.Reason.Length > 0 ? $": {blackout.Reason}." : ".");
        }
        return null;
    }

    public static string? CheckAttendees(BookableSpace bookable, int? attendees) => attendees switch
    {
        null => null,
        < 1 => "attendees must be at least 1.",
        var n when n > bookable.Space.Capacity => $"Too many attendees: the space holds {bookable.Space.Capacity} people.",
        _ => null,
    };

    private static string Minutes(int minutes) =>
        minutes % 60 == 0 ? $"{minutes / 60} hour{(minutes == 60 ? "" : "s")}" : $"{minutes} minutes";

    public static string? CheckPurpose(string? purpose) =>
        purpose is { Length: > MaxPurposeLength } ? $"purpose is too long: at most {MaxPurposeLength} characters." : null;

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
