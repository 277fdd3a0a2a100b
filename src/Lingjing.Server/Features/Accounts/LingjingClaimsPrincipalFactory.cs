using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.Accounts;

/// <summary>Puts the user's scope (park, enterprise, institution) and display name into the cookie and bearer token.</summary>
internal sealed class LingjingClaimsPrincipalFactory(
    UserManager<LingjingUser> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<LingjingUser, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(LingjingUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(LingjingClaims.DisplayName, user.DisplayName));
        if (user.ParkId is { } park)
            identity.AddClaim(new Claim(LingjingClaims.ParkId, park.ToString(CultureInfo.InvariantCulture)));
        if (user.EnterpriseId is { } enterprise)
            identity.AddClaim(new Claim(LingjingClaims.EnterpriseId, enterprise.ToString(CultureInfo.InvariantCulture)));
        if (user.InstitutionId is { } institution)
            identity.AddClaim(new Claim(LingjingClaims.InstitutionId, institution.ToString(CultureInfo.InvariantCulture)));
        return identity;
    }
}
