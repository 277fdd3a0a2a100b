using System.Globalization;
using System.Text.RegularExpressions;
using Lingjing.Server.Features.Zone;

namespace Lingjing.Server.Features.Bookings;

/// <summary>The rules every booking obeys, each failure named in words: instants carry an offset,
/// the end follows the start, 15 minutes to 8 hours, not in the past, at most 90 days ahead, and
/// within the space's opening hours on an open day in the zone's time zone.</summary>
internal static partial class BookingRules
{
    public const int MaxPurposeLength = 500;
    public static readonly TimeSpan MinDuration = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(8);
    public static readonly TimeSpan MaxAhead = TimeSpan.FromDays(90);

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
    public static string? Check(Space space, DateTimeOffset start, DateTimeOffset end, DateTimeOffset now, TimeZoneInfo zone)
    {
        if (end <= start) return "end must be after start.";
        var duration = end - start;
        if (duration < MinDuration) return "The booking is too short: at least 15 minutes.";
        if (duration > MaxDuration) return "The booking is too long: at most 8 hours.";
        if (start < now) return "start is in the past.";
        if (start > now + MaxAhead) return "The booking is too far ahead: at most 90 days from now.";
        if (!SpaceCalendar.FitsOpeningHours(space, start, end, zone))
            return $"The booking is outside the space's opening hours ({space.OpensAt:HH\\:mm}-{space.ClosesAt:HH\\:mm} on its open days, zone time).";
        return null;
    }

    public static string? CheckPurpose(string? purpose) =>
        purpose is { Length: > MaxPurposeLength } ? $"purpose is too long: at most {MaxPurposeLength} characters." : null;

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
