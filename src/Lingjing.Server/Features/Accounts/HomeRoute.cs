using System.Security.Claims;

namespace Lingjing.Server.Features.Accounts;

/// <summary>Where a signed-in user lands: the terminal of their main role.</summary>
public static class HomeRoute
{
    public static string For(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Government) ? "/gov"
        : user.IsInRole(Roles.ParkOperator) ? "/park"
        : user.IsInRole(Roles.EnterpriseAdmin) ? "/enterprise"
        : user.IsInRole(Roles.InstitutionStaff) ? "/institution"
        : "/me";

    /// <summary>A return URL is only followed when it stays on this site.</summary>
    public static bool IsLocal(string? url) => Infrastructure.Web.LocalReturnUrl.IsLocal(url);
}
