using System.Security.Claims;
using Lingjing.Server.Features.Accounts;

namespace Lingjing.Server.Features.Collaboration;

/// <summary>Who is reading or writing: a person of an enterprise (who publishes and answers for it), a park operator
/// (who sees what concerns their park) or the government (who sees everything).</summary>
public sealed record Collaborator(Guid? UserId, string Name, int? EnterpriseId, int? OperatedParkId, bool Government)
{
    public static Collaborator Of(ClaimsPrincipal user) => new(
        user.UserId(), user.DisplayName(),
        user.IsInRole(Roles.EnterpriseAdmin) || user.IsInRole(Roles.EnterpriseMember) || user.IsInRole(Roles.Employee) ? user.EnterpriseId() : null,
        user.IsInRole(Roles.ParkOperator) ? user.ParkId() : null,
        user.IsInRole(Roles.Government));

    /// <summary>Publishing and answering is for the enterprise's administrators and members.</summary>
    public static bool MayPublish(ClaimsPrincipal user) =>
        (user.IsInRole(Roles.EnterpriseAdmin) || user.IsInRole(Roles.EnterpriseMember)) && user.EnterpriseId() is not null;
}
