using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Notifications;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Tests.Infrastructure;
using Lingjing.Server.Tests.PolicyServices;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Tests.EnterpriseFacts;

/// <summary>The policy scene (one park, Alpha with 30 employees and the high-tech tag, Beta, Gamma) on the run's shared
/// server, plus its park's operator and a second park with an operator of its own.</summary>
public sealed class FactScene : IAsyncDisposable
{
    public string Operator { get; } = SharedApps.Email("operator");
    public string OtherOperator { get; } = SharedApps.Email("other.operator");

    public required PolicyScene Policies { get; init; }
    public LingjingApp App => Policies.App;

    public static async Task<FactScene> StartAsync(Db db)
    {
        var policies = await PolicyScene.SharedAsync(db);
        var otherPark = await policies.DbAsync(async c =>
        {
            var park = ZoneRows.Park("Other Park");
            c.Add(park);
            await c.SaveChangesAsync();
            return park.Id;
        });
        var scene = new FactScene { Policies = policies };
        await TestUsers.CreateAsync(policies.App, scene.Operator, Roles.ParkOperator, parkId: policies.ParkId);
        await TestUsers.CreateAsync(policies.App, scene.OtherOperator, Roles.ParkOperator, parkId: otherPark);
        return scene;
    }

    public Task<HttpClient> ClientAsync(string email) => Policies.ClientAsync(email);

    /// <summary>Declares as Alpha's administrator; returns the id of the pending change of <paramref name="fact"/>.</summary>
    public async Task<Guid> DeclareAsync(object body, string fact)
    {
        var alpha = await ClientAsync(Policies.AlphaAdmin);
        var response = await alpha.PostAsJsonAsync($"/api/v1/enterprises/{Policies.Alpha}/fact-changes", body);
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var pending = await response.Content.ReadFromJsonAsync<JsonElement>();
        return pending.EnumerateArray().Single(c => c.GetProperty("fact").GetString() == fact).GetProperty("id").GetGuid();
    }

    public Task<List<Notification>> NotificationsOfAsync(string email) =>
        Policies.DbAsync(c => (from n in c.Set<Notification>()
                               join u in c.Users on n.UserId equals u.Id
                               where u.Email == email && n.Kind == "fact-change"
                               orderby n.Id
                               select n).ToListAsync());

    public Task<List<int>> MatchedPoliciesAsync(int enterpriseId) =>
        Policies.DbAsync(c => c.Set<Lingjing.Server.Features.PolicyServices.PolicyMatch>()
            .Where(m => m.EnterpriseId == enterpriseId).Select(m => m.PolicyId).ToListAsync());

    public static JsonElement Fact(JsonElement facts, string name) =>
        facts.GetProperty("facts").EnumerateArray().Single(f => f.GetProperty("fact").GetString() == name);

    public ValueTask DisposeAsync() => Policies.DisposeAsync();
}
