namespace Lingjing.Server.Features.Accounts;

/// <summary>Claim types carrying a user's scope.</summary>
public static class LingjingClaims
{
    public const string ParkId = "lingjing:park_id";
    public const string EnterpriseId = "lingjing:enterprise_id";
    public const string InstitutionId = "lingjing:institution_id";
    public const string DisplayName = "lingjing:display_name";
}
