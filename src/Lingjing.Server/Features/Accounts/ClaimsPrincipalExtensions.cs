using System.Globalization;
using System.Security.Claims;

namespace Lingjing.Server.Features.Accounts;

public static class ClaimsPrincipalExtensions
{
    public static Guid? UserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static int? ParkId(this ClaimsPrincipal user) => IntClaim(user, LingjingClaims.ParkId);

    public static int? EnterpriseId(this ClaimsPrincipal user) => IntClaim(user, LingjingClaims.EnterpriseId);

    public static int? InstitutionId(this ClaimsPrincipal user) => IntClaim(user, LingjingClaims.InstitutionId);

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(LingjingClaims.DisplayName) is { Length: > 0 } name ? name : user.Identity?.Name ?? "";

    private static int? IntClaim(ClaimsPrincipal user, string type) =>
        int.TryParse(user.FindFirstValue(type), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
