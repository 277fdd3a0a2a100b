using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Record;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Record;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lingjing.Server.Tests.Record;

/// <summary>The decision record on a server of its own: decisions made at once are sealed into one unbroken chain that
/// checks out, is published and exported; a row changed in the database is found by the server's check and by the
/// verifier in tools/ on the export.</summary>
public sealed class RecordTests
{
    private const string Gov = "record.gov@example.test";

    private static async Task<(LingjingApp App, HttpClient Gov)> StartAsync(Db db)
    {
        var app = await LingjingApp.StartAsync(db, demo: false);
        await TestUsers.CreateAsync(app, Gov, Roles.Government);
        return (app, await app.SignedInAsync(Gov, TestUsers.Password));
    }

    /// <summary>Bans of people from every world: decisions of the government that the record keeps.</summary>
    private static async Task BanAsync(HttpClient gov, int count) =>
        (await Task.WhenAll(Enumerable.Range(0, count).Select(_ => gov.PostAsJsonAsync("/api/v1/world/bans", new { userId = Guid.NewGuid(), minutes = 5 }))))
        .ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);

    [Theory, BothDatabases]
    public async Task Forty_decisions_at_once_are_sealed_into_one_chain_that_holds_is_published_and_exports(Db db)
    {
        var (app, gov) = await StartAsync(db);
        await using var _ = app;

        await BanAsync(gov, 40);
        await app.Service<RecordSealer>().SealAsync(CancellationToken.None);

        var state = await gov.GetFromJsonAsync<JsonElement>("/api/v1/record/state");
        state.GetProperty("check").GetProperty("firstProblem").ValueKind.ShouldBe(JsonValueKind.Null);
        state.GetProperty("head").GetProperty("length").GetInt64().ShouldBe(40);
        state.GetProperty("waiting").GetInt64().ShouldBe(0);
        state.GetProperty("byKind")[0].GetProperty("kind").GetString().ShouldBe(RecordKinds.BanApplied);

        await app.Service<RecordHeadJob>().PublishAsync(CancellationToken.None);
        var anonymous = app.Anonymous();
        var head = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/record/head");
        head.GetProperty("length").GetInt64().ShouldBe(40);
        head.GetProperty("publicKey").GetString()!.ShouldStartWith("-----BEGIN PUBLIC KEY-----");
        var published = (await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/record/heads"))[0];
        (published.GetProperty("seq").GetInt64(), published.GetProperty("hash").GetString()).ShouldBe((40L, head.GetProperty("hash").GetString()));

        (await anonymous.GetAsync("/api/v1/record/export")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var export = await gov.GetAsync("/api/v1/record/export");
        export.Content.Headers.ContentType!.MediaType.ShouldBe(RecordApi.ExportType);
        var (header, entries) = RecordExport.Read(new StringReader(await export.Content.ReadAsStringAsync()));
        entries.Select(e => e.Seq).ShouldBe(Enumerable.Range(1, 40).Select(n => (long)n));
        using var key = RecordFormat.PublicKey(header.PublicKey);
        ChainVerifier.Verify(entries, key, allSignatures: true).Holds.ShouldBeTrue();

        // The pages: the public head and heads, the government's check.
        (await anonymous.GetStringAsync("/record")).ShouldContain(head.GetProperty("hash").GetString()!);
        (await gov.GetStringAsync("/gov/record")).ShouldContain("data-holds=\"true\"");
    }

    [Theory, BothDatabases]
    public async Task A_row_changed_in_the_database_is_named_by_the_check_and_by_the_verifier(Db db)
    {
        var (app, gov) = await StartAsync(db);
        await using var _ = app;
        await BanAsync(gov, 6);
        await app.Service<RecordSealer>().SealAsync(CancellationToken.None);

        // Someone with access to the database lengthens a ban recorded as the third decision.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
            (await context.Database.ExecuteSqlRawAsync("UPDATE record_entries SET body = REPLACE(body, '\"minutes\":5', '\"minutes\":50000') WHERE seq = 3"))
                .ShouldBe(1);
        }

        var problem = (await gov.GetFromJsonAsync<JsonElement>("/api/v1/record/state")).GetProperty("check").GetProperty("firstProblem");
        (problem.GetProperty("seq").GetInt64(), problem.GetProperty("problem").GetString()).ShouldBe((3L, "altered"));
        (await gov.GetStringAsync("/gov/record")).ShouldContain("data-holds=\"false\"");

        var file = Path.Combine(Path.GetTempPath(), $"lingjing-record-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllBytesAsync(file, await gov.GetByteArrayAsync("/api/v1/record/export"));
        try
        {
            var (exitCode, output) = await RunVerifierAsync(file);
            exitCode.ShouldBe(1, output);
            output.ShouldContain("First problem at entry 3 (altered)");
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>tools/Lingjing.RecordVerifier as an operator runs it, on its own, from the test's output.</summary>
    private static async Task<(int ExitCode, string Output)> RunVerifierAsync(string file)
    {
        var tool = Path.Combine(AppContext.BaseDirectory, "Lingjing.RecordVerifier.dll");
        using var process = Process.Start(new ProcessStartInfo("dotnet", [tool, file]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output + errors);
    }
}
