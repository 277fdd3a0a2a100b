namespace Lingjing.Server.Features.Bookings;

/// <summary>A space's booking rules as the API and the park terminal show them.</summary>
public sealed record SpaceRulesView(
    int SpaceId, int ParkId, string OpensAt, string ClosesAt, IReadOnlyList<int> OpenDays, int Capacity,
    int DefaultMinutes, int MinMinutes, int MaxMinutes, int BufferMinutes, int MaxDaysAhead,
    int? WeeklyQuotaPerEnterprise, bool RequiresApproval, string Audience, int NoShowReleaseMinutes,
    IReadOnlyList<BlackoutView> Blackouts)
{
    public static SpaceRulesView Of(BookableSpace bookable)
    {
        var (space, rules) = (bookable.Space, bookable.Rules);
        var days = Enumerable.Range(1, 7).Where(d => (space.OpenDays & (1 << (d - 1))) != 0).ToList();
        return new SpaceRulesView(space.Id, space.ParkId, space.OpensAt.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            space.ClosesAt.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), days, space.Capacity,
            rules.DefaultMinutes, rules.MinMinutes, rules.MaxMinutes, rules.BufferMinutes, rules.MaxDaysAhead,
            rules.WeeklyQuotaPerEnterprise, rules.RequiresApproval, rules.Audience, rules.NoShowReleaseMinutes,
            bookable.Blackouts.Select(b => new BlackoutView(b.Id, b.FirstDay, b.LastDay, b.Reason)).ToList());
    }
}

public sealed record BlackoutView(int Id, DateOnly FirstDay, DateOnly LastDay, string Reason);

/// <summary>Days on which a space is closed for bookings, inclusive, zone time.</summary>
public sealed record BlackoutRequest(DateOnly? FirstDay, DateOnly? LastDay, string? Reason)
{
    public static readonly Field FirstDayField = new("firstDay", "First day");
    public static readonly Field LastDayField = new("lastDay", "Last day");
    public static readonly Field ReasonField = new("reason", "Reason");
}
