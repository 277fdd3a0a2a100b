using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lingjing.Record;
using Lingjing.Server.Features.Notifications;
using Lingjing.Server.Features.Record;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lingjing.Server.Tests.Government;

/// <summary>Matters of the catalogue through the one application engine: applied for with the form and the materials,
/// decided with reasons, a certificate issued with an approval that anyone verifies by its number, and that stops
/// verifying once its row is changed in the database.</summary>
public sealed class MatterTests
{
    [Theory, BothDatabases]
    public async Task A_matter_is_applied_for_decided_with_reasons_and_its_certificate_verifies_until_its_row_is_changed(Db db)
    {
        await using var scene = await MatterScene.StartAsync(db);
        var (enterprise, admin) = scene.Enterprises[0];
        var application = await scene.ApplyAsync(admin);

        var detail = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/policies/applications/{application}");
        detail.GetProperty("application").GetProperty("matterId").GetInt32().ShouldBe(scene.MatterId);
        detail.GetProperty("application").GetProperty("dueOn").GetString().ShouldNotBeNull();
        detail.GetProperty("matter").GetProperty("answers").EnumerateArray().Select(a => a.GetProperty("answer").GetString())
            .ShouldBe(["Moonlit Parks", "120", "2026-03-01", ""]);
        detail.GetProperty("materials").EnumerateArray().Select(m => m.GetProperty("requirement").GetString()).Order().ShouldBe(["licence", "sample"]);
        (await scene.Enterprises[1].Admin.GetAsync($"/api/v1/policies/applications/{application}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "another enterprise's");
        var queued = await scene.Gov.GetFromJsonAsync<JsonElement>("/api/v1/policies/applications?for=matter&status=submitted");
        queued.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetGuid()).ShouldBe([application]);

        await scene.MoveAsync(application, "start-review");
        var noReason = await scene.Gov.PostAsJsonAsync($"/api/v1/policies/applications/{application}/approve", new { });
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "a matter is decided with its reasons");
        var approved = await scene.MoveAsync(application, "approve", "The work is original and the materials are complete.");
        approved.GetProperty("application").GetProperty("decisionReason").GetString().ShouldBe("The work is original and the materials are complete.");
        var number = approved.GetProperty("certificate").GetProperty("number").GetString()!;
        number.ShouldStartWith("LJ-IP-900-");
        (await scene.Gov.PostAsJsonAsync($"/api/v1/policies/applications/{application}/pay", new { amountYuan = 100 }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict, "a matter's approval is final");

        var anonymous = scene.App.Anonymous();
        var check = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/certificates/{number.ToLowerInvariant()}/verification");
        check.GetProperty("verdict").GetString().ShouldBe("authentic");
        check.GetProperty("certificate").GetProperty("holderEn").GetString().ShouldBe("Studio 1");
        (await anonymous.GetStringAsync($"/verify/{number}")).ShouldContain("data-verdict=\"authentic\"");
        (await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/certificates/LJ-IP-900-2026-00000000/verification"))
            .GetProperty("verdict").GetString().ShouldBe("not-found");
        (await admin.GetFromJsonAsync<JsonElement>("/api/v1/certificates/mine")).EnumerateArray().Single().GetProperty("number").GetString().ShouldBe(number);

        // The decision and the certificate are in the record, sealed into a chain that holds.
        await scene.App.Service<RecordSealer>().SealAsync(CancellationToken.None);
        await using (var scope = scene.App.Services.CreateAsyncScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<LingjingDbContext>();
            (await context.Set<RecordEntry>().Select(e => e.Kind).OrderBy(k => k).ToListAsync()).ShouldBe([RecordKinds.CertificateIssued, RecordKinds.MatterApproved]);
            (await context.Set<Notification>().CountAsync(n => n.Link == $"/enterprise/applications/{application}")).ShouldBeGreaterThanOrEqualTo(2);
            (await context.Database.ExecuteSqlRawAsync("UPDATE certificates SET holder_en = 'Someone Else Ltd'")).ShouldBe(1);
        }
        (await scene.Gov.GetFromJsonAsync<JsonElement>("/api/v1/record/state")).GetProperty("check").GetProperty("firstProblem").ValueKind.ShouldBe(JsonValueKind.Null);
        var altered = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/certificates/{number}/verification");
        altered.GetProperty("verdict").GetString().ShouldBe("altered");
        (await anonymous.GetStringAsync($"/verify?number={number}")).ShouldContain("data-verdict=\"altered\"");
    }

    public static TheoryData<string, string> Refused => new()
    {
        { "missing-field", "field.work" },
        { "bad-number", "field.pages" },
        { "bad-date", "field.completed" },
        { "missing-material", "material.sample" },
        { "unknown-field", "field.colour" },
        { "unknown-material", "material.photo" },
        { "no-phone", "contactPhone" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task An_incomplete_application_is_refused_field_by_field_and_nothing_is_stored(string kind, string field)
    {
        await using var scene = await MatterScene.StartAsync(Db.Sqlite, enterprises: 1);
        var admin = scene.Enterprises[0].Admin;
        var form = kind switch
        {
            "missing-field" => MatterScene.Form(work: " "),
            "bad-number" => MatterScene.Form(pages: "many"),
            "bad-date" => MatterScene.Form(completed: "01/03/2026"),
            "missing-material" => MatterScene.Form(sample: false),
            "unknown-field" => MatterScene.Form(extra: ("field.colour", "blue")),
            "unknown-material" => AddFile(MatterScene.Form(), "material.photo"),
            _ => Replace(MatterScene.Form(), "contactPhone", "call me"),
        };

        var response = await admin.PostAsync($"/api/v1/matters/{scene.MatterId}/applications", form);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(problem.ToString());
        (await admin.GetFromJsonAsync<JsonElement>("/api/v1/me/policies/applications")).GetArrayLength().ShouldBe(0);
        Directory.Exists(Path.Combine(scene.App.DataDirectory, "uploads", "policies")).ShouldBeFalse();
    }

    [Theory, BothDatabases]
    public async Task Twenty_enterprises_apply_at_once_and_twenty_approvals_at_once_issue_twenty_certificates_in_one_chain(Db db)
    {
        await using var scene = await MatterScene.StartAsync(db, enterprises: 20);
        var applications = await Task.WhenAll(scene.Enterprises.Select(e => scene.ApplyAsync(e.Admin)));
        await Task.WhenAll(applications.Select(a => scene.MoveAsync(a, "start-review")));
        var decided = await Task.WhenAll(applications.Select(a => scene.MoveAsync(a, "approve", "Complete.")));

        decided.Select(d => d.GetProperty("certificate").GetProperty("number").GetString()).Distinct().Count().ShouldBe(20);
        await scene.App.Service<RecordSealer>().SealAsync(CancellationToken.None);
        var export = await scene.Gov.GetStringAsync("/api/v1/record/export");
        var (header, entries) = RecordExport.Read(new StringReader(export));
        entries.Count(e => e.Kind == RecordKinds.CertificateIssued).ShouldBe(20);
        using var key = RecordFormat.PublicKey(header.PublicKey);
        ChainVerifier.Verify(entries, key, allSignatures: true).Holds.ShouldBeTrue();
        var checks = await Task.WhenAll(decided.Select(d => scene.App.Anonymous()
            .GetFromJsonAsync<JsonElement>($"/api/v1/certificates/{d.GetProperty("certificate").GetProperty("number").GetString()}/verification")));
        checks.ShouldAllBe(c => c.GetProperty("verdict").GetString() == "authentic");
    }

    private static MultipartFormDataContent AddFile(MultipartFormDataContent form, string name)
    {
        var content = new ByteArrayContent([.. "%PDF-1.4 "u8.ToArray(), .. new byte[50]]);
        content.Headers.ContentType = new("application/pdf");
        form.Add(content, name, "photo.pdf");
        return form;
    }

    private static MultipartFormDataContent Replace(MultipartFormDataContent form, string name, string value)
    {
        var rebuilt = new MultipartFormDataContent();
        foreach (var part in form)
            if (part.Headers.ContentDisposition?.Name?.Trim('"') != name) rebuilt.Add(part);
        rebuilt.Add(new StringContent(value), name);
        return rebuilt;
    }
}
