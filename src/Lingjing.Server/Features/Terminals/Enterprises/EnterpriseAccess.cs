using System.Security.Claims;
using Lingjing.Server.Features.Accounts;

namespace Lingjing.Server.Features.Terminals.Enterprises;

/// <summary>Tenant isolation for enterprise profiles: who may read or change which enterprise.</summary>
public static class EnterpriseAccess
{
    /// <summary>The enterprise the user works for, when they are its administrator or member.</summary>
    public static int? OwnEnterprise(ClaimsPrincipal user) =>
        user.IsInRole(Roles.EnterpriseAdmin) || user.IsInRole(Roles.EnterpriseMember) ? user.EnterpriseId() : null;

    /// <summary>Government reads every enterprise; staff read only their own.</summary>
    public static bool CanRead(ClaimsPrincipal user, int enterpriseId) =>
        user.IsInRole(Roles.Government) || OwnEnterprise(user) == enterpriseId;

    /// <summary>Only the enterprise's own administrators change its profile.</summary>
    public static bool CanEdit(ClaimsPrincipal user, int enterpriseId) =>
        user.IsInRole(Roles.EnterpriseAdmin) && user.EnterpriseId() == enterpriseId;
}
