using System.Security.Claims;
using Lingjing.Server.Features.Accounts;

namespace Lingjing.Server.Features.Twins.Graph;

/// <summary>Which parks' twins a caller may see: the government all of them, a park operator their
/// own park, anyone else none.</summary>
public readonly record struct TwinAccess(bool All, int? ParkId)
{
    public static TwinAccess Of(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Government) ? new TwinAccess(true, null)
        : user.IsInRole(Roles.ParkOperator) && user.ParkId() is { } park ? new TwinAccess(false, park)
        : new TwinAccess(false, null);

    public bool Any => All || ParkId is not null;

    public bool Sees(int? parkId) => All || (ParkId is not null && parkId == ParkId);
}
