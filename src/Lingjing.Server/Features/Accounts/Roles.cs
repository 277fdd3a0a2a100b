namespace Lingjing.Server.Features.Accounts;

public static class Roles
{
    public const string Government = nameof(Government);
    public const string ParkOperator = nameof(ParkOperator);
    public const string EnterpriseAdmin = nameof(EnterpriseAdmin);
    public const string EnterpriseMember = nameof(EnterpriseMember);
    public const string Employee = nameof(Employee);
    /// <summary>Staff of a professional service institution: answers needs with the institution's offers.</summary>
    public const string InstitutionStaff = nameof(InstitutionStaff);

    public static readonly IReadOnlyList<string> All = [Government, ParkOperator, EnterpriseAdmin, EnterpriseMember, Employee, InstitutionStaff];
}
