using System.Diagnostics;
using System.Text.Json;
using Lingjing.Server.Infrastructure.OpenApi;
using Lingjing.Server.Tests.Infrastructure;

namespace Lingjing.Server.Tests.Platform;

/// <summary>The API document as client generators and a third-party linter read it: who may call each operation, a
/// unique operationId on every one, the problem-details answers, tags with descriptions, examples and the licence; and
/// Redocly CLI (recommended rules, tools/interop) finds no error in it.</summary>
public sealed class OpenApiDocumentTests
{
    private static async Task<JsonElement> DocumentAsync()
    {
        var app = await SharedApps.Blank(Db.Sqlite);
        return JsonDocument.Parse(await app.Anonymous().GetStringAsync("/openapi/v1.json")).RootElement;
    }

    private static IEnumerable<(string Path, string Method, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject()
            .Where(o => o.Name is "get" or "post" or "put" or "patch" or "delete").Select(o => (path.Name, o.Name, o.Value)));

    [Fact]
    public async Task Every_operation_has_a_unique_id_its_security_and_its_problem_answers()
    {
        var document = await DocumentAsync();
        var operations = Operations(document).ToList();
        operations.Count.ShouldBeGreaterThan(250);

        var ids = operations.Select(o => o.Operation.GetProperty("operationId").GetString()!).ToList();
        ids.ShouldBeUnique();
        ids.ShouldContain("postAuthToken");
        ids.ShouldContain("getServiceHallDesksByIdQueue");

        foreach (var (path, method, operation) in operations)
        {
            var where = $"{method.ToUpperInvariant()} {path}";
            var security = operation.GetProperty("security");
            var responses = operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList();
            responses.ShouldContain(r => r.StartsWith('2'), where);
            if (security.GetArrayLength() > 0)
            {
                security.EnumerateArray().Select(s => s.EnumerateObject().Single().Name).ShouldBe([SecuritySchemes.Bearer, SecuritySchemes.Cookie], where);
                responses.ShouldContain("401", where);
                responses.ShouldContain("403", where);
            }
            if (path.Contains('{')) responses.ShouldContain("404", where);
            if (method != "get") responses.ShouldContain("429", where + " is rate-limited like every write");
            foreach (var problem in operation.GetProperty("responses").EnumerateObject().Where(r => r.Name.StartsWith('4')))
                problem.Value.GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref").GetString()
                    .ShouldBe("#/components/schemas/ProblemDetails", where);
        }

        var signIn = operations.Single(o => o.Path == "/api/v1/auth/token").Operation;
        signIn.GetProperty("security").GetArrayLength().ShouldBe(0, "anyone may sign in");
        signIn.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example").GetProperty("email").GetString().ShouldNotBeNull();
        var desks = operations.Single(o => o.Path == "/api/v1/service-hall/desks/{id}/queue").Operation;
        desks.GetProperty("security").GetArrayLength().ShouldBe(2, "officials only");
        operations.Single(o => o.Path == "/api/v1/spaces/{spaceId}/bookings" && o.Method == "post").Operation
            .GetProperty("responses").TryGetProperty("409", out _).ShouldBeTrue("a taken time is a conflict");
    }

    [Fact]
    public async Task The_document_declares_its_schemes_tags_and_licence()
    {
        var document = await DocumentAsync();
        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        schemes.GetProperty(SecuritySchemes.Bearer).GetProperty("scheme").GetString().ShouldBe("bearer");
        schemes.GetProperty(SecuritySchemes.Cookie).GetProperty("name").GetString().ShouldBe("lingjing.auth");
        document.GetProperty("info").GetProperty("license").GetProperty("identifier").GetString().ShouldBe("Apache-2.0");

        var described = document.GetProperty("tags").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!, t => t.GetProperty("description").GetString());
        var used = Operations(document).SelectMany(o => o.Operation.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!)).Distinct();
        foreach (var tag in used) described.ShouldContainKey(tag, $"tag '{tag}' needs a description in ApiTags");
    }

    [Fact]
    public async Task Redocly_CLI_finds_no_error_in_the_document()
    {
        var tools = Path.Combine(RepositoryPaths.Root, "tools", "interop");
        var redocly = Path.Combine(tools, "node_modules", "@redocly", "cli", "bin", "cli.js");
        File.Exists(redocly).ShouldBeTrue($"Redocly CLI is not installed: run `npm ci` in {tools} (./test.sh does)");
        var app = await SharedApps.Blank(Db.Sqlite);
        var file = Path.Combine(Path.GetTempPath(), $"lingjing-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, await app.Anonymous().GetStringAsync("/openapi/v1.json"));
        try
        {
            var start = new ProcessStartInfo("node", [redocly, "lint", file, "--config", Path.Combine(tools, "redocly.yaml"), "--format", "json", "--max-problems", "5000"])
            {
                RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = tools,
                // Never anywhere but loopback: no usage telemetry, no update check.
                Environment = { ["REDOCLY_TELEMETRY"] = "off", ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true", ["NO_UPDATE_NOTIFIER"] = "1" },
            };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
            var report = JsonDocument.Parse(await output).RootElement;
            var problems = report.GetProperty("problems").EnumerateArray()
                .Where(p => p.GetProperty("severity").GetString() == "error")
                .Select(p => $"{p.GetProperty("ruleId").GetString()} at {p.GetProperty("location")[0].GetProperty("pointer").GetString()}: {p.GetProperty("message").GetString()}")
                .ToList();
            problems.ShouldBeEmpty(string.Join("\n", problems.Take(30)) + "\n" + await errors);
            process.ExitCode.ShouldBe(0, await errors);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
