using System.Net;
using System.Text.Json;
using Lingjing.Server.Features.Zone;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lingjing.Server.Tests.Security;

/// <summary>Every role against every terminal and API group, with the status each must get.
/// Requests carry a bearer token, so a refusal is a plain 403 (a browser with a cookie is sent to
/// /account/denied instead).</summary>
[Collection(DemoZoneCollection.Name)]
public sealed class AuthorizationMatrixTests(DemoZoneFixture zone)
{
    public enum Caller { Anonymous, Government, ParkOperator, EnterpriseAdmin, Employee }

    private const int Ok = 200, Forbidden = 403, SignIn = 401, NotFound = 404;

    // caller:                                    Anonymous  Government  ParkOperator  EnterpriseAdmin  Employee
    public static TheoryData<string, int[]> Routes => new()
    {
        { "/gov",                                 [SignIn,    Ok,         Forbidden,    Forbidden,       Forbidden] },
        { "/park",                                [SignIn,    Forbidden,  Ok,           Forbidden,       Forbidden] },
        { "/enterprise",                          [SignIn,    Forbidden,  Forbidden,    Ok,              Ok] },
        { "/me",                                  [SignIn,    Ok,         Ok,           Ok,              Ok] },
        { "/directory/enterprises",               [SignIn,    Ok,         Ok,           Ok,              Ok] },
        { "/api/v1/zone/summary",                 [Ok,        Ok,         Ok,           Ok,              Ok] },
        { "/api/v1/zone/charts/enterprises-by-category", [SignIn, Ok,     Forbidden,    Forbidden,       Forbidden] },
        { "/api/v1/zone/charts/parks",            [SignIn,    Ok,         Forbidden,    Forbidden,       Forbidden] },
        { "/api/v1/enterprises?q=design",         [SignIn,    Ok,         Ok,           Ok,              Ok] },
        { "/api/v1/parks",                        [SignIn,    Ok,         Ok,           Ok,              Ok] },
        { "/api/v1/institutions",                 [SignIn,    Ok,         Ok,           Ok,              Ok] },
        { "/api/v1/spaces",                       [SignIn,    Ok,         Ok,           Ok,              Ok] },
        { "/api/v1/parks/1/booking-limits",       [SignIn,    Ok,         Ok,           Ok,              Ok] },
        { "/api/v1/me",                           [SignIn,    Ok,         Ok,           Ok,              Ok] },
        { "/api/v1/enterprise/profile",           [SignIn,    Forbidden,  Forbidden,    Ok,              Ok] },
        // The employee (user0002) works for enterprise 2: another enterprise's profile is not found for them.
        { "/api/v1/enterprises/1/profile",        [SignIn,    Ok,         Forbidden,    Ok,              NotFound] },
        { "/api/v1/park/overview",                [SignIn,    Forbidden,  Ok,           Forbidden,       Forbidden] },
        { "/gov/operations",                      [SignIn,    Ok,         Forbidden,    Forbidden,       Forbidden] },
        { "/api/v1/operations/jobs",              [SignIn,    Ok,         Forbidden,    Forbidden,       Forbidden] },
        { "/park/world-guests",                   [SignIn,    Forbidden,  Ok,           Forbidden,       Forbidden] },
        { "/api/v1/world/parks/1/guests",         [SignIn,    Forbidden,  Ok,           Forbidden,       Forbidden] },
        { "/policies",                            [Ok,        Ok,         Ok,           Ok,              Ok] },
        { "/api/v1/public/policies",              [Ok,        Ok,         Ok,           Ok,              Ok] },
        { "/gov/facts",                           [SignIn,    Ok,         Forbidden,    Forbidden,       Forbidden] },
        { "/park/facts",                          [SignIn,    Forbidden,  Ok,           Forbidden,       Forbidden] },
        { "/api/v1/fact-changes",                 [SignIn,    Ok,         Ok,           Forbidden,       Forbidden] },
        { "/me/security",                         [SignIn,    Ok,         Ok,           Ok,              Ok] },
        { "/gov/accounts",                        [SignIn,    Ok,         Forbidden,    Forbidden,       Forbidden] },
        { "/park/accounts",                       [SignIn,    Forbidden,  Ok,           Forbidden,       Forbidden] },
        { "/api/v1/staff-accounts",               [SignIn,    Ok,         Ok,           Forbidden,       Forbidden] },
        { "/api/v1/me/sessions",                  [SignIn,    Ok,         Ok,           Ok,              Ok] },
    };

    public static IEnumerable<object[]> Cases() =>
        from db in new[] { Db.Sqlite, Db.Postgres }
        from row in Routes
        from caller in Enum.GetValues<Caller>()
        select new object[] { db, (string)row[0], caller, ((int[])row[1])[(int)caller] };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Caller_gets_the_expected_status(Db db, string route, Caller caller, int expected)
    {
        var app = await zone.App(db);
        var client = await ClientAsync(app, caller);

        var response = await client.GetAsync(route);

        var status = (int)response.StatusCode;
        if (caller == Caller.Anonymous && expected == SignIn && !route.StartsWith("/api", StringComparison.Ordinal))
            // Pages send people to the sign-in page rather than answering 401.
            (status == 302 && response.Headers.Location!.ToString().Contains("/account/signin")).ShouldBeTrue($"{route} gave {status}");
        else
            status.ShouldBe(expected, $"{caller} GET {route}");
    }

    private static async Task<HttpClient> ClientAsync(LingjingApp app, Caller caller) => caller switch
    {
        Caller.Anonymous => app.Anonymous(),
        Caller.Government => await app.SignedInAsync(DemoAccounts.Government),
        Caller.ParkOperator => await app.SignedInAsync(DemoAccounts.ParkOperator(1)),
        // ent00001 administers enterprise 1; user0002 is an employee (and member) of enterprise 2.
        Caller.EnterpriseAdmin => await app.SignedInAsync(DemoAccounts.EnterpriseAdmin(1)),
        _ => await app.SignedInAsync(DemoAccounts.Employee(2)),
    };

    /// <summary>Whose enterprise is read in the field-group matrix.</summary>
    public enum Target { AdminsOwn, EmployeesOwn, TenantOfPark1, EnterpriseElsewhere }

    /// <summary>Which field groups of an enterprise a caller gets: the public group (name, park,
    /// category, size class, description) or also the confidential one (staff numbers, contacts, revenue).</summary>
    public enum Fields { None, Public, Confidential }

    // caller:                                     Anonymous    Government    ParkOperator  EnterpriseAdmin  Employee
    public static TheoryData<Target, Fields[]> FieldGroups => new()
    {
        { Target.AdminsOwn,            [Fields.None, Fields.Confidential, Fields.Public,       Fields.Confidential, Fields.Public] },
        { Target.EmployeesOwn,         [Fields.None, Fields.Confidential, Fields.Public,       Fields.Public,       Fields.Confidential] },
        { Target.TenantOfPark1,        [Fields.None, Fields.Confidential, Fields.Confidential, Fields.Public,       Fields.Public] },
        { Target.EnterpriseElsewhere,  [Fields.None, Fields.Confidential, Fields.Public,       Fields.Public,       Fields.Public] },
    };

    private static readonly string[] PublicFields = ["nameZh", "nameEn", "parkId", "parkNameEn", "category", "aboveDesignatedSize", "descriptionEn"];
    private static readonly string[] ConfidentialDetailFields = ["employees", "contactEmail", "contactPhone", "latestRevenueYuan", "revenues"];
    private static readonly string[] ConfidentialListFields = ["employees", "latestRevenueYuan"];

    public static IEnumerable<object[]> FieldCases() =>
        from db in new[] { Db.Sqlite, Db.Postgres }
        from row in FieldGroups
        from caller in Enum.GetValues<Caller>()
        select new object[] { db, (Target)row[0], caller, ((Fields[])row[1])[(int)caller] };

    [Theory]
    [MemberData(nameof(FieldCases))]
    public async Task Caller_gets_the_expected_field_groups_of_an_enterprise_in_its_detail_and_in_lists(Db db, Target target, Caller caller, Fields expected)
    {
        var app = await zone.App(db);
        var (id, parkId) = await EnterpriseAsync(app, target);
        var client = await ClientAsync(app, caller);

        using var detail = await client.GetAsync($"/api/v1/enterprises/{id}");
        using var list = await client.GetAsync($"/api/v1/enterprises?parkId={parkId}&pageSize=100&q={Uri.EscapeDataString(await NameAsync(app, id))}");

        if (expected == Fields.None)
        {
            ((int)detail.StatusCode, (int)list.StatusCode).ShouldBe((SignIn, SignIn));
            return;
        }
        var detailJson = JsonDocument.Parse(await detail.Content.ReadAsStringAsync()).RootElement;
        var row = JsonDocument.Parse(await list.Content.ReadAsStringAsync()).RootElement.GetProperty("items").EnumerateArray()
            .Single(r => r.GetProperty("id").GetInt32() == id);
        var confidential = expected == Fields.Confidential;
        foreach (var field in PublicFields)
            detailJson.GetProperty(field).ValueKind.ShouldNotBe(JsonValueKind.Null, $"{caller} detail {field}");
        foreach (var field in ConfidentialDetailFields)
            (detailJson.GetProperty(field).ValueKind != JsonValueKind.Null).ShouldBe(confidential, $"{caller} detail {field}");
        foreach (var field in ConfidentialListFields)
            (row.GetProperty(field).ValueKind != JsonValueKind.Null).ShouldBe(confidential, $"{caller} list {field}");
        detailJson.GetProperty("confidentialShown").GetBoolean().ShouldBe(confidential);
        row.GetProperty("confidentialShown").GetBoolean().ShouldBe(confidential);
    }

    private static async Task<(int Id, int ParkId)> EnterpriseAsync(LingjingApp app, Target target)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var enterprises = scope.ServiceProvider.GetRequiredService<LingjingDbContext>().Set<Enterprise>().AsNoTracking();
        var own = await enterprises.Where(e => e.Id == 1 || e.Id == 2).Select(e => e.ParkId).ToListAsync();
        // The matrix assumes the two callers' enterprises are not tenants of park 1 (true of the seeded demo zone).
        own.ShouldNotContain(1);
        var found = target switch
        {
            Target.AdminsOwn => await enterprises.Where(e => e.Id == 1).Select(e => new { e.Id, e.ParkId }).SingleAsync(),
            Target.EmployeesOwn => await enterprises.Where(e => e.Id == 2).Select(e => new { e.Id, e.ParkId }).SingleAsync(),
            Target.TenantOfPark1 => await enterprises.Where(e => e.ParkId == 1).OrderBy(e => e.Id).Select(e => new { e.Id, e.ParkId }).FirstAsync(),
            _ => await enterprises.Where(e => e.ParkId != 1 && e.Id > 2).OrderBy(e => e.Id).Select(e => new { e.Id, e.ParkId }).FirstAsync(),
        };
        return (found.Id, found.ParkId);
    }

    private static async Task<string> NameAsync(LingjingApp app, int id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LingjingDbContext>().Set<Enterprise>().Where(e => e.Id == id).Select(e => e.NameZh).SingleAsync();
    }
}
