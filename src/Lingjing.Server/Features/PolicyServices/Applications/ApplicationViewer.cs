using System.Security.Claims;
using Lingjing.Server.Features.Accounts;

namespace Lingjing.Server.Features.PolicyServices.Applications;

/// <summary>Who is looking at or acting on applications: government reviewers see all, an enterprise only its own.</summary>
public sealed record ApplicationViewer(Guid? UserId, int? EnterpriseId, bool Government, string Name)
{
    public static ApplicationViewer Of(ClaimsPrincipal user) =>
        new(user.UserId(), user.EnterpriseId(), user.IsInRole(Roles.Government), user.DisplayName());

    public bool MaySee(PolicyApplication application) => Government || (EnterpriseId is { } id && application.EnterpriseId == id);
}
