namespace Lingjing.Server.Features.PolicyServices;

/// <summary>Where a policy is in its life on a given day of the zone: upcoming before it opens (its
/// validity starts), open until it closes (the application deadline, or the end of validity when that
/// comes first or there is no deadline), closed after. Only an open policy is offered or accepts applications.</summary>
public static class PolicyLife
{
    public const string Upcoming = "upcoming";
    public const string Open = "open";
    public const string Closed = "closed";

    public static readonly IReadOnlyList<string> Stages = [Open, Upcoming, Closed];

    public static DateOnly OpensOn(Policy policy) => policy.ValidFrom;

    public static DateOnly ClosesOn(Policy policy) =>
        policy.ApplicationDeadline is { } deadline && deadline < policy.ValidUntil ? deadline : policy.ValidUntil;

    public static string Stage(Policy policy, DateOnly today) =>
        today < OpensOn(policy) ? Upcoming : today > ClosesOn(policy) ? Closed : Open;

    /// <summary>The policies in a stage, as a query the database answers.</summary>
    public static IQueryable<Policy> InStage(IQueryable<Policy> policies, string stage, DateOnly today) => stage switch
    {
        Upcoming => policies.Where(p => p.ValidFrom > today),
        Closed => policies.Where(p => p.ValidFrom <= today && (p.ValidUntil < today || (p.ApplicationDeadline != null && p.ApplicationDeadline < today))),
        _ => policies.Where(p => p.ValidFrom <= today && p.ValidUntil >= today && (p.ApplicationDeadline == null || p.ApplicationDeadline >= today)),
    };
}
