namespace Lingjing.Server.Features.Notifications;

/// <summary>Whose notification centre just changed: some people, every account of some enterprises, or a
/// park's operators. Open bell streams re-count their person's unread notifications when it includes them.</summary>
public sealed record NotificationAudience(IReadOnlySet<Guid>? Users = null, IReadOnlySet<int>? Enterprises = null, int? ParkOperatorsOf = null)
{
    public static NotificationAudience Person(Guid userId) => new(Users: new HashSet<Guid> { userId });

    public bool Includes(NotificationReader reader) =>
        Users?.Contains(reader.UserId) == true
        || (reader.EnterpriseId is { } enterprise && Enterprises?.Contains(enterprise) == true)
        || (reader.OperatesPark is { } park && ParkOperatorsOf == park);
}

/// <summary>Who holds a bell stream open: the person, their enterprise, and the park they operate.</summary>
public readonly record struct NotificationReader(Guid UserId, int? EnterpriseId, int? OperatesPark);
