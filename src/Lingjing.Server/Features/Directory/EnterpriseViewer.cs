using System.Security.Claims;
using Lingjing.Server.Features.Accounts;

namespace Lingjing.Server.Features.Directory;

/// <summary>Who is reading the enterprise directory, and so which enterprises' confidential fields
/// (revenue, contacts, staff numbers) they may see: the government every enterprise's, a park's
/// operators their park's tenants', an enterprise's own accounts their own. Everyone signed in sees
/// the public fields (name, park, category, size class, description).</summary>
public sealed record EnterpriseViewer(bool Government, int? OperatedParkId, int? OwnEnterpriseId)
{
    public static readonly EnterpriseViewer Public = new(false, null, null);

    public static EnterpriseViewer For(ClaimsPrincipal user) => new(
        user.IsInRole(Roles.Government),
        user.IsInRole(Roles.ParkOperator) ? user.ParkId() : null,
        user.IsInRole(Roles.EnterpriseAdmin) || user.IsInRole(Roles.EnterpriseMember) ? user.EnterpriseId() : null);

    public bool MaySeeConfidential(int enterpriseId, int parkId) =>
        Government || OperatedParkId == parkId || OwnEnterpriseId == enterpriseId;

    /// <summary>Sorting by a confidential figure ranks every enterprise in the result by it, so it is
    /// allowed only where the caller may see that figure for all of them: the government, or a park's
    /// operator listing their own park.</summary>
    public bool MaySortByConfidential(int? parkFilter) =>
        Government || (OperatedParkId is { } park && parkFilter == park);

    public IReadOnlyList<string> SortsAllowed(int? parkFilter) =>
        MaySortByConfidential(parkFilter) ? EnterpriseDirectory.Sorts : EnterpriseDirectory.PublicSorts;
}
