namespace Lingjing.Server.Features.Accounts;

/// <summary>Authorization policy names. Every endpoint and page declares one of these (or AllowAnonymous).</summary>
public static class Policies
{
    public const string SignedIn = nameof(SignedIn);
    public const string Government = nameof(Government);
    public const string ParkOperator = nameof(ParkOperator);
    /// <summary>Who runs spaces: a park's operators (their park's spaces) and the government (all).</summary>
    public const string SpaceManager = nameof(SpaceManager);
    /// <summary>Enterprise administrators and members (employees of the enterprise).</summary>
    public const string EnterpriseStaff = nameof(EnterpriseStaff);
    public const string EnterpriseAdmin = nameof(EnterpriseAdmin);
    /// <summary>Staff of a service institution.</summary>
    public const string InstitutionStaff = nameof(InstitutionStaff);
}
