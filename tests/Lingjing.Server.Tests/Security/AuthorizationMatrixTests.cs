using System.Net;
using Lingjing.Server.Tests.Infrastructure;

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
        { "/api/v1/me",                           [SignIn,    Ok,         Ok,           Ok,              Ok] },
        { "/api/v1/enterprise/profile",           [SignIn,    Forbidden,  Forbidden,    Ok,              Ok] },
        // The employee (user0002) works for enterprise 2: another enterprise's profile is not found for them.
        { "/api/v1/enterprises/1/profile",        [SignIn,    Ok,         Forbidden,    Ok,              NotFound] },
        { "/api/v1/park/overview",                [SignIn,    Forbidden,  Ok,           Forbidden,       Forbidden] },
        { "/policies",                            [Ok,        Ok,         Ok,           Ok,              Ok] },
        { "/api/v1/public/policies",              [Ok,        Ok,         Ok,           Ok,              Ok] },
        { "/gov/facts",                           [SignIn,    Ok,         Forbidden,    Forbidden,       Forbidden] },
        { "/park/facts",                          [SignIn,    Forbidden,  Ok,           Forbidden,       Forbidden] },
        { "/api/v1/fact-changes",                 [SignIn,    Ok,         Ok,           Forbidden,       Forbidden] },
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
        var client = caller switch
        {
            Caller.Anonymous => app.Anonymous(),
            Caller.Government => await app.SignedInAsync(DemoAccounts.Government),
            Caller.ParkOperator => await app.SignedInAsync(DemoAccounts.ParkOperator(1)),
            // ent00001 administers enterprise 1; user0002 is an employee (and member) of enterprise 2.
            Caller.EnterpriseAdmin => await app.SignedInAsync(DemoAccounts.EnterpriseAdmin(1)),
            _ => await app.SignedInAsync(DemoAccounts.Employee(2)),
        };

        var response = await client.GetAsync(route);

        var status = (int)response.StatusCode;
        if (caller == Caller.Anonymous && expected == SignIn && !route.StartsWith("/api"))
            // Pages send people to the sign-in page rather than answering 401.
            (status == 302 && response.Headers.Location!.ToString().Contains("/account/signin")).ShouldBeTrue($"{route} gave {status}");
        else
            status.ShouldBe(expected, $"{caller} GET {route}");
    }
}
