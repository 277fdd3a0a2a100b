using System.Globalization;
using Lingjing.Server.Features.Terminals;

namespace Lingjing.Server.Features.Bookings;

/// <summary>What a park operator sets for a space. Times are "HH:mm" zone time; open days are
/// Monday=1 ... Sunday=7.</summary>
public sealed record SpaceRulesUpdate(
    string? OpensAt, string? ClosesAt, IReadOnlyList<int>? OpenDays, int Capacity,
    int DefaultMinutes, int MinMinutes, int MaxMinutes, int BufferMinutes, int MaxDaysAhead,
    int? WeeklyQuotaPerEnterprise, bool RequiresApproval, string? Audience, int NoShowReleaseMinutes)
{
    /// <summary>Checks every field; on success returns the parsed opening hours and day mask.</summary>
    public FieldErrors Validate(out TimeOnly opensAt, out TimeOnly closesAt, out int openDaysMask)
    {
        var errors = new FieldErrors();
        opensAt = ParseTime(errors, "opensAt", OpensAt);
        closesAt = ParseTime(errors, "closesAt", ClosesAt);
        if (!errors.Has("opensAt") && !errors.Has("closesAt") && opensAt == closesAt)
            errors.Add("closesAt", "Closing time must differ from opening time.");
        openDaysMask = 0;
        if (OpenDays is null || OpenDays.Count == 0) errors.Add("openDays", "Choose at least one open day.");
        else if (OpenDays.Any(d => d is < 1 or > 7)) errors.Add("openDays", "Days are 1 (Monday) to 7 (Sunday).");
        else openDaysMask = OpenDays.Aggregate(0, (mask, day) => mask | (1 << (day - 1)));

        Range(errors, "capacity", Capacity, 1, 100_000);
        Range(errors, "minMinutes", MinMinutes, 15, 1440);
        Range(errors, "maxMinutes", MaxMinutes, 15, 1440);
        Range(errors, "defaultMinutes", DefaultMinutes, 15, 1440);
        foreach (var (field, value) in new[] { ("minMinutes", MinMinutes), ("maxMinutes", MaxMinutes), ("defaultMinutes", DefaultMinutes) })
        {
            if (value % 15 != 0 && !errors.Has(field)) errors.Add(field, "Use multiples of 15 minutes.");
        }
        if (MaxMinutes < MinMinutes && !errors.Has("maxMinutes")) errors.Add("maxMinutes", "The maximum must not be below the minimum.");
        if ((DefaultMinutes < MinMinutes || DefaultMinutes > MaxMinutes) && !errors.Has("defaultMinutes"))
            errors.Add("defaultMinutes", "The default length must lie between the minimum and the maximum.");
        Range(errors, "bufferMinutes", BufferMinutes, 0, 240);
        Range(errors, "maxDaysAhead", MaxDaysAhead, 1, 365);
        if (WeeklyQuotaPerEnterprise is { } quota) Range(errors, "weeklyQuotaPerEnterprise", quota, 1, 100);
        if (Audience is null || !BookingAudience.All.Contains(Audience))
            errors.Add("audience", "Choose who may book: " + string.Join(", ", BookingAudience.All) + ".");
        Range(errors, "noShowReleaseMinutes", NoShowReleaseMinutes, 5, 240);
        return errors;
    }

    private static TimeOnly ParseTime(FieldErrors errors, string field, string? text)
    {
        if (TimeOnly.TryParseExact(text?.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)) return time;
        errors.Add(field, "Use a time like 09:00.");
        return default;
    }

    private static void Range(FieldErrors errors, string field, int value, int min, int max)
    {
        if (value < min || value > max) errors.Add(field, $"Between {min} and {max}.");
    }
}
