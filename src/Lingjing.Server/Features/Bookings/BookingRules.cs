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
    public static DateTimeOffset? ParseInstant(string? text, Phrase name, out Phrase? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            problem = new("{0} is required: an ISO 8601 date and time with an offset, such as 2026-12-01T10:00:00+08:00.", name);
            return null;
        }
        var trimmed = text.Trim();
        if (!OffsetSuffix().IsMatch(trimmed) || !trimmed.Contains('T', StringComparison.OrdinalIgnoreCase))
        {
            problem = new("{0} must be an ISO 8601 date and time with an offset (Z or ±hh:mm), such as 2026-12-01T10:00:00+08:00; '{1}' has no offset.", name, Shorten(trimmed));
            return null;
        }
        if (!DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            problem = new("{0} is not a valid ISO 8601 date and time: '{1}'.", name, Shorten(trimmed));
            return null;
        }
        return value;
    }

    /// <summary>The first broken rule of the range, or null when it may be booked.</summary>
    public static Phrase? Check(BookableSpace bookable, DateTimeOffset start, DateTimeOffset end, DateTimeOffset now, TimeZoneInfo zone)
    {
        var (space, rules) = (bookable.Space, bookable.Rules);
        if (end <= start) return new("The end must be after the start.");
        var duration = end - start;
        if (duration < TimeSpan.FromMinutes(rules.MinMinutes)) return new("The booking is too short: this space needs at least {0}.", Minutes(rules.MinMinutes));
        if (duration > TimeSpan.FromMinutes(rules.MaxMinutes)) return new("The booking is too long: this space allows at most {0}.", Minutes(rules.MaxMinutes));
        if (start < now) return new("The start is in the past.");
        if (start > now + TimeSpan.FromDays(rules.MaxDaysAhead))
            return new("The booking is too far ahead: this space can be booked at most {0} days ahead.", rules.MaxDaysAhead);
        if (!SpaceCalendar.FitsOpeningHours(space, start, end, zone))
            return new("The booking is outside the space's opening hours ({0:HH\\:mm}-{1:HH\\:mm} on its open days, zone time).", space.OpensAt, space.ClosesAt);
        var firstDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, zone).DateTime);
        var lastDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(end - TimeSpan.FromTicks(1), zone).DateTime);
        for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
        {
            if (bookable.BlackoutOn(day) is { } blackout)
                return blackout.Reason.Length > 0
                    ? new("The space is closed for bookings on {0:yyyy-MM-dd}: {1}.", day, blackout.Reason)
                    : new("The space is closed for bookings on {0:yyyy-MM-dd}.", day);
        }
        return null;
    }

    public static Phrase? CheckAttendees(BookableSpace bookable, int? attendees) => attendees switch
    {
        null => null,
        < 1 => new("There must be at least 1 attendee."),
        var n when n > bookable.Space.Capacity => new("Too many attendees: the space holds {0} people.", bookable.Space.Capacity),
        _ => null,
    };

    private static Phrase Minutes(int minutes) => minutes switch
    {
        60 => new("1 hour"),
        _ when minutes % 60 == 0 => new("{0} hours", minutes / 60),
        _ => new("{0} minutes", minutes),
    };

    public static Phrase? CheckPurpose(string? purpose) =>
        purpose is { Length: > MaxPurposeLength } ? new("The purpose is too long: at most {0} characters.", MaxPurposeLength) : null;

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
