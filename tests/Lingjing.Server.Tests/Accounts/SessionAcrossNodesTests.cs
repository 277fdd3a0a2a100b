using System.Net;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Lingjing.Server.Tests.Accounts;

/// <summary>Two nodes over one database: a session ended on one node stops working on the other once
/// that node's cache time (30 s by default) has passed.</summary>
public sealed class SessionAcrossNodesTests
{
    [Theory, BothDatabases]
    public async Task Sign_out_on_one_node_ends_the_token_on_the_other_within_the_cache_time(Db db)
    {
        await using var first = await LingjingApp.StartAsync(db, demo: false);
        var clock = new FakeTimeProvider(TestClock.Now);
        await using var secondNode = await LingjingApp.StartAsync(db, demo: false, new Dictionary<string, string?>
        {
            ["Lingjing:DataDirectory"] = first.DataDirectory,
            ["ConnectionStrings:Postgres"] = db == Db.Postgres ? first.Service<DatabaseSettings>().ConnectionString : "",
        }, services: s => s.AddSingleton<TimeProvider>(clock));
        await TestUsers.CreateAsync(first, "roamer@example.test", Roles.Employee);
        var onFirst = await SessionTests.NewTokenClientAsync(first, "roamer@example.test");
        var onSecond = secondNode.CreateClient();
        onSecond.DefaultRequestHeaders.Authorization = onFirst.DefaultRequestHeaders.Authorization;
        (await onSecond.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await onFirst.PostAsync("/api/v1/auth/signout", null);
        (await onFirst.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        clock.Advance(TimeSpan.FromSeconds(30));
        (await onSecond.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
