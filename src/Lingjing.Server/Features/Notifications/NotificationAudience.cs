namespace Lingjing.Server.Features.Notifications;

/// <summary>Whose notification centre just changed: some people, every account of some enterprises or institutions, or
/// a park's operators. Open bell streams re-count their person's unread notifications when it includes them.</summary>
public sealed record NotificationAudience(
    IReadOnlySet<Guid>? Users = null, IReadOnlySet<int>? Enterprises = null, int? ParkOperatorsOf = null, IReadOnlySet<int>? Institutions = null)
{
    public static NotificationAudience Person(Guid userId) => new(Users: new HashSet<Guid> { userId });

    public bool Includes(NotificationReader reader) =>
        Users?.Contains(reader.UserId) == true
        || (reader.EnterpriseId is { } enterprise && Enterprises?.Contains(enterprise) == true)
        || (reader.OperatesPark is { } park && ParkOperatorsOf == park)
        || (reader.InstitutionId is { } institution && Institutions?.Contains(institution) == true);
}

/// <summary>Who holds a bell stream open: the person, their enterprise, the park they operate and their institution.</summary>
public readonly record struct NotificationReader(Guid UserId, int? EnterpriseId, int? OperatesPark, int? InstitutionId = null);
