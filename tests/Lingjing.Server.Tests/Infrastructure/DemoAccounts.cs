namespace Lingjing.Server.Tests.Infrastructure;

public static class DemoAccounts
{
    public const string Password = "Demo#2026";
    public const string Government = "gov@demo.lingjing.local";
    public static string ParkOperator(int park) => $"park{park:00}@demo.lingjing.local";
    public static string EnterpriseAdmin(int enterprise) => $"ent{enterprise:00000}@demo.lingjing.local";
    public static string Employee(int user) => $"user{user:0000}@demo.lingjing.local";
    public static string InstitutionStaff(int institution) => $"inst{institution:000}@demo.lingjing.local";
}
