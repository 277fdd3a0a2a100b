namespace Lingjing.Server.Features.Accounts;

/// <summary>Fixed role ids, so bulk seeding can write user-role rows without looking roles up.</summary>
public static class RoleIds
{
    public static Guid For(string role) => role switch
    {
        Roles.Government => new Guid("00000000-0000-0000-0000-00000000a001"),
        Roles.ParkOperator => new Guid("00000000-0000-0000-0000-00000000a002"),
        Roles.EnterpriseAdmin => new Guid("00000000-0000-0000-0000-00000000a003"),
        Roles.EnterpriseMember => new Guid("00000000-0000-0000-0000-00000000a004"),
        Roles.Employee => new Guid("00000000-0000-0000-0000-00000000a005"),
        Roles.InstitutionStaff => new Guid("00000000-0000-0000-0000-00000000a006"),
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown role"),
    };
}
