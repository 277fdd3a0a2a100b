using System.Security.Claims;
using Lingjing.Server.Features.Accounts;

namespace Lingjing.Server.Features.EnterpriseFacts;

/// <summary>Who declares a change: a person of the enterprise.</summary>
public sealed record FactDeclarant(Guid? UserId, string Name)
{
    public static FactDeclarant Of(ClaimsPrincipal user) => new(user.UserId(), user.DisplayName());
}

/// <summary>Who reviews changes: the government (every enterprise) or a park operator (the enterprises
/// of their park; any other is "not found").</summary>
public sealed record FactReviewer(Guid? UserId, string Name, bool Government, int? ParkId)
{
    public const string GovernmentRole = "government";
    public const string ParkRole = "park";

    public static FactReviewer Of(ClaimsPrincipal user) =>
        new(user.UserId(), user.DisplayName(), user.IsInRole(Roles.Government), user.IsInRole(Roles.ParkOperator) ? user.ParkId() : null);

    public bool MayReview(int enterpriseParkId) => Government || ParkId == enterpriseParkId;

    public string Role => Government ? GovernmentRole : ParkRole;
}
