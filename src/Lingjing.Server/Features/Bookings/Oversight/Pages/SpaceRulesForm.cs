using System.Globalization;

namespace Lingjing.Server.Features.Bookings.Oversight.Pages;

/// <summary>The space rules as the rules page posts them: numbers as typed (so a wrong entry comes
/// back as it was), one checkbox per open day, the weekly quota blank for none.</summary>
public sealed class SpaceRulesForm
{
    public string? OpensAt { get; set; }
    public string? ClosesAt { get; set; }
    public bool Monday { get; set; }
    public bool Tuesday { get; set; }
    public bool Wednesday { get; set; }
    public bool Thursday { get; set; }
    public bool Friday { get; set; }
    public bool Saturday { get; set; }
    public bool Sunday { get; set; }
    public string? Capacity { get; set; }
    public string? DefaultMinutes { get; set; }
    public string? MinMinutes { get; set; }
    public string? MaxMinutes { get; set; }
    public string? BufferMinutes { get; set; }
    public string? MaxDaysAhead { get; set; }
    public string? WeeklyQuotaPerEnterprise { get; set; }
    public bool RequiresApproval { get; set; }
    public string? Audience { get; set; }
    public string? NoShowReleaseMinutes { get; set; }

    public static SpaceRulesForm From(SpaceRulesView rules) => new()
    {
        OpensAt = rules.OpensAt,
        ClosesAt = rules.ClosesAt,
        Monday = rules.OpenDays.Contains(1),
        Tuesday = rules.OpenDays.Contains(2),
        Wednesday = rules.OpenDays.Contains(3),
        Thursday = rules.OpenDays.Contains(4),
        Friday = rules.OpenDays.Contains(5),
        Saturday = rules.OpenDays.Contains(6),
        Sunday = rules.OpenDays.Contains(7),
        Capacity = Text(rules.Capacity),
        DefaultMinutes = Text(rules.DefaultMinutes),
        MinMinutes = Text(rules.MinMinutes),
        MaxMinutes = Text(rules.MaxMinutes),
        BufferMinutes = Text(rules.BufferMinutes),
        MaxDaysAhead = Text(rules.MaxDaysAhead),
        WeeklyQuotaPerEnterprise = rules.WeeklyQuotaPerEnterprise is { } quota ? Text(quota) : "",
        RequiresApproval = rules.RequiresApproval,
        Audience = rules.Audience,
        NoShowReleaseMinutes = Text(rules.NoShowReleaseMinutes),
    };

    public SpaceRulesUpdate ToUpdate()
    {
        bool[] days = [Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday];
        var openDays = Enumerable.Range(1, 7).Where(d => days[d - 1]).ToList();
        var quota = (WeeklyQuotaPerEnterprise ?? "").Trim();
        return new SpaceRulesUpdate(OpensAt, ClosesAt, openDays, Number(Capacity), Number(DefaultMinutes), Number(MinMinutes), Number(MaxMinutes),
            Number(BufferMinutes), Number(MaxDaysAhead), quota.Length == 0 ? null : Number(quota), RequiresApproval, Audience, Number(NoShowReleaseMinutes));
    }

    // Text that is not a whole number becomes -1, which validation reports as out of range.
    private static int Number(string? text) =>
        int.TryParse((text ?? "").Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : -1;

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A blackout as the rules page posts it: dates as typed (yyyy-MM-dd).</summary>
public sealed class BlackoutForm
{
    public string? FirstDay { get; set; }
    public string? LastDay { get; set; }
    public string? Reason { get; set; }

    public static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact((text ?? "").Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}

/// <summary>A park's limits on active bookings as the rules page posts them: blank for no limit.</summary>
public sealed class ParkLimitsForm
{
    public string? ActivePerPerson { get; set; }
    public string? ActivePerEnterprise { get; set; }

    public static ParkLimitsForm From(ParkLimitsView limits) => new()
    {
        ActivePerPerson = limits.ActivePerPerson?.ToString(CultureInfo.InvariantCulture) ?? "",
        ActivePerEnterprise = limits.ActivePerEnterprise?.ToString(CultureInfo.InvariantCulture) ?? "",
    };

    public (ParkLimitsUpdate Update, FieldErrors Errors) ToUpdate()
    {
        var errors = new FieldErrors();
        var person = Limit(errors, ParkLimitsUpdate.ActivePerPersonField, ActivePerPerson);
        var enterprise = Limit(errors, ParkLimitsUpdate.ActivePerEnterpriseField, ActivePerEnterprise);
        return (new ParkLimitsUpdate(person, enterprise), errors);
    }

    private static int? Limit(FieldErrors errors, Field field, string? text)
    {
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length == 0) return null;
        if (int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n;
        errors.Add(field, "Between 1 and {0}, or blank for no limit.", ParkLimitsUpdate.Max);
        return null;
    }
}
