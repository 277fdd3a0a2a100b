using System.Security.Claims;
using Lingjing.Server.Features.Accounts;

namespace Lingjing.Server.Features.Collaboration;

/// <summary>Who is reading or writing: a person of an enterprise (who publishes and answers for it), a person of a
/// service institution (who answers with the institution's offers), a park operator (who sees what concerns their park)
/// or the government (who sees everything).</summary>
public sealed record Collaborator(Guid? UserId, string Name, int? EnterpriseId, int? OperatedParkId, bool Government, int? InstitutionId = null)
{
    public static Collaborator Of(ClaimsPrincipal user) => new(
        user.UserId(), user.DisplayName(),
        user.IsInRole(Roles.EnterpriseAdmin) || user.IsInRole(Roles.EnterpriseMember) || user.IsInRole(Roles.Employee) ? user.EnterpriseId() : null,
        user.IsInRole(Roles.ParkOperator) ? user.ParkId() : null,
        user.IsInRole(Roles.Government),
        user.IsInRole(Roles.InstitutionStaff) ? user.InstitutionId() : null);

    /// <summary>The enterprise or institution the person acts for, if any.</summary>
    public Party? Party => EnterpriseId is { } enterprise ? Collaboration.Party.Enterprise(enterprise)
        : InstitutionId is { } institution ? Collaboration.Party.Institution(institution) : null;

    /// <summary>Publishing needs is for the enterprise's administrators and members.</summary>
    public static bool MayPublish(ClaimsPrincipal user) =>
        (user.IsInRole(Roles.EnterpriseAdmin) || user.IsInRole(Roles.EnterpriseMember)) && user.EnterpriseId() is not null;

    /// <summary>Publishing offers and answering agreements is also for an institution's staff.</summary>
    public static bool MayAnswer(ClaimsPrincipal user) =>
        MayPublish(user) || (user.IsInRole(Roles.InstitutionStaff) && user.InstitutionId() is not null);
}
