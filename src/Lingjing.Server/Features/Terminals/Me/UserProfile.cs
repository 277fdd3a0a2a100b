namespace Lingjing.Server.Features.Terminals.Me;

/// <summary>What a signed-in user sees of their own account.</summary>
public sealed record UserProfile(
    Guid Id,
    string Email,
    string DisplayName,
    string JobTitle,
    string PreferredCulture,
    IReadOnlyList<string> Roles,
    int? ParkId,
    string? ParkNameEn,
    string? ParkNameZh,
    int? EnterpriseId,
    string? EnterpriseNameEn,
    string? EnterpriseNameZh);
