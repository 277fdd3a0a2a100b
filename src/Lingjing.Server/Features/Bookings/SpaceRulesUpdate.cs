using System.Globalization;

namespace Lingjing.Server.Features.Bookings;

/// <summary>What a park operator sets for a space. Times are "HH:mm" zone time; open days are
/// Monday=1 ... Sunday=7.</summary>
public sealed record SpaceRulesUpdate(
    string? OpensAt, string? ClosesAt, IReadOnlyList<int>? OpenDays, int Capacity,
    int DefaultMinutes, int MinMinutes, int MaxMinutes, int BufferMinutes, int MaxDaysAhead,
    int? WeeklyQuotaPerEnterprise, bool RequiresApproval, string? Audience, int NoShowReleaseMinutes)
{
    public static readonly Field OpensAtField = new("opensAt", "Opening time");
    public static readonly Field ClosesAtField = new("closesAt", "Closing time");
    public static readonly Field OpenDaysField = new("openDays", "Open days");
    public static readonly Field CapacityField = new("capacity", "Capacity");
    public static readonly Field MinMinutesField = new("minMinutes", "Shortest booking");
    public static readonly Field MaxMinutesField = new("maxMinutes", "Longest booking");
    public static readonly Field DefaultMinutesField = new("defaultMinutes", "Default length");
    public static readonly Field BufferMinutesField = new("bufferMinutes", "Buffer after each booking");
    public static readonly Field MaxDaysAheadField = new("maxDaysAhead", "Days ahead");
    public static readonly Field WeeklyQuotaPerEnterpriseField = new("weeklyQuotaPerEnterprise", "Weekly quota per enterprise");
    public static readonly Field AudienceField = new("audience", "Who may book");
    public static readonly Field NoShowReleaseMinutesField = new("noShowReleaseMinutes", "No-show release");

    /// <summary>Checks every field; on success returns the parsed opening hours and day mask.</summary>
    public FieldErrors Validate(out TimeOnly opensAt, out TimeOnly closesAt, out int openDaysMask)
    {
        var errors = new FieldErrors();
        opensAt = ParseTime(errors, OpensAtField, OpensAt);
        closesAt = ParseTime(errors, ClosesAtField, ClosesAt);
        if (!errors.Has(OpensAtField.Key) && !errors.Has(ClosesAtField.Key) && opensAt == closesAt)
            errors.Add(ClosesAtField, "Closing time must differ from opening time.");
        openDaysMask = 0;
        if (OpenDays is null || OpenDays.Count == 0) errors.Add(OpenDaysField, "Choose at least one open day.");
        else if (OpenDays.Any(d => d is < 1 or > 7)) errors.Add(OpenDaysField, "Days are 1 (Monday) to 7 (Sunday).");
        else openDaysMask = OpenDays.Aggregate(0, (mask, day) => mask | (1 << (day - 1)));

        Range(errors, CapacityField, Capacity, 1, 100_000);
        Range(errors, MinMinutesField, MinMinutes, 15, 1440);
        Range(errors, MaxMinutesField, MaxMinutes, 15, 1440);
        Range(errors, DefaultMinutesField, DefaultMinutes, 15, 1440);
        foreach (var (field, value) in new[] { (MinMinutesField, MinMinutes), (MaxMinutesField, MaxMinutes), (DefaultMinutesField, DefaultMinutes) })
        {
            if (value % 15 != 0 && !errors.Has(field.Key)) errors.Add(field, "Use multiples of 15 minutes.");
        }
        if (MaxMinutes < MinMinutes && !errors.Has(MaxMinutesField.Key)) errors.Add(MaxMinutesField, "The maximum must not be below the minimum.");
        if ((DefaultMinutes < MinMinutes || DefaultMinutes > MaxMinutes) && !errors.Has(DefaultMinutesField.Key))
            errors.Add(DefaultMinutesField, "The default length must lie between the minimum and the maximum.");
        Range(errors, BufferMinutesField, BufferMinutes, 0, 240);
        Range(errors, MaxDaysAheadField, MaxDaysAhead, 1, 365);
        if (WeeklyQuotaPerEnterprise is { } quota) Range(errors, WeeklyQuotaPerEnterpriseField, quota, 1, 100);
        if (Audience is null || !BookingAudience.All.Contains(Audience))
            errors.Add(AudienceField, "Choose who may book: {0}.", string.Join(", ", BookingAudience.All));
        Range(errors, NoShowReleaseMinutesField, NoShowReleaseMinutes, 5, 240);
        return errors;
    }

    private static TimeOnly ParseTime(FieldErrors errors, Field field, string? text)
    {
        if (TimeOnly.TryParseExact(text?.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)) return time;
        errors.Add(field, "Use a time like 09:00.");
        return default;
    }

    private static void Range(FieldErrors errors, Field field, int value, int min, int max)
    {
        if (value < min || value > max) errors.Add(field, "Between {0} and {1}.", min, max);
    }
}
