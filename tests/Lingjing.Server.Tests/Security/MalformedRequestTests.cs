using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lingjing.Server.Tests.Infrastructure;
using Lingjing.Server.Tests.Terminals;
using Xunit.Abstractions;

namespace Lingjing.Server.Tests.Security;

/// <summary>Walks every operation of the OpenAPI document with malformed variants of each parameter
/// and body and fails on any 5xx: bad input is a 4xx with a reason, never a server error.</summary>
public sealed class MalformedRequestTests(ITestOutputHelper output)
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    [Theory, BothDatabases]
    public async Task No_operation_answers_a_malformed_request_with_a_server_error(Db db)
    {
        await using var app = await LingjingApp.StartAsync(db, demo: false);
        await TerminalScene.CreateAsync(app);
        using var document = JsonDocument.Parse(await app.Anonymous().GetStringAsync("/openapi/v1.json"));
        var components = document.RootElement.TryGetProperty("components", out var c) && c.TryGetProperty("schemas", out var s) ? s : default;
        // One caller per role: each operation is walked as the first role it does not refuse, so the input reaches the handler.
        var callers = new List<HttpClient>();
        foreach (var email in new[] { TerminalScene.Government, TerminalScene.OperatorA, TerminalScene.AdminA1, TerminalScene.Visitor })
            callers.Add(await app.SignedInAsync(email, TerminalScene.Password));
        var failures = new List<string>();
        var requests = 0;
        var clock = Stopwatch.StartNew();

        foreach (var operation in Operations(document.RootElement))
        {
            var caller = await CallerForAsync(callers, operation);
            foreach (var (url, content) in Variants(operation, components))
            {
                requests++;
                var failure = await SendAsync(caller, operation.Method, url, content);
                if (failure is not null) failures.Add(failure);
            }
        }

        output.WriteLine($"{requests} requests over {Operations(document.RootElement).Count()} operations in {clock.Elapsed.TotalSeconds:F0} s");
        failures.ShouldBeEmpty($"{failures.Count} server errors:\n" + string.Join("\n", failures.Take(40)));
    }

    private sealed record Operation(HttpMethod Method, string Path, IReadOnlyList<Parameter> Parameters, JsonElement? BodySchema);

    private sealed record Parameter(string Name, string In, string? Type, string? Format);

    private static IEnumerable<Operation> Operations(JsonElement root)
    {
        foreach (var path in root.GetProperty("paths").EnumerateObject())
            foreach (var method in path.Value.EnumerateObject().Where(m => m.Name != "parameters"))
            {
                // A server-sent event stream does not end; its parameters are those of /telemetry/live, walked there.
                if (path.Name.EndsWith("/stream", StringComparison.Ordinal)) continue;
                var parameters = method.Value.TryGetProperty("parameters", out var list)
                    ? list.EnumerateArray().Select(p => new Parameter(p.GetProperty("name").GetString()!, p.GetProperty("in").GetString()!,
                        p.TryGetProperty("schema", out var schema) ? MalformedVariants.TypeOf(schema) : null,
                        p.TryGetProperty("schema", out var withFormat) && withFormat.TryGetProperty("format", out var f) ? f.GetString() : null)).ToList()
                    : [];
                JsonElement? body = method.Value.TryGetProperty("requestBody", out var requestBody)
                    && requestBody.GetProperty("content").TryGetProperty("application/json", out var json) && json.TryGetProperty("schema", out var bodySchema)
                    ? bodySchema : null;
                yield return new Operation(new HttpMethod(method.Name.ToUpperInvariant()), path.Name, parameters, body);
            }
    }

    private static string Baseline(Parameter parameter) => (parameter.Type, parameter.Format) switch
    {
        (_, "uuid") => Guid.Empty.ToString(),
        ("integer", _) => "1",
        ("boolean", _) => "true",
        _ when parameter.Name.Equals("id", StringComparison.Ordinal) || parameter.In == "path" => "1",
        _ => "x",
    };

    private static string Url(Operation operation, IReadOnlyDictionary<string, string> values)
    {
        var path = operation.Path;
        foreach (var p in operation.Parameters.Where(p => p.In == "path")) path = path.Replace("{" + p.Name + "}", values[p.Name], StringComparison.Ordinal);
        var query = operation.Parameters.Where(p => p.In == "query" && values.ContainsKey(p.Name)).Select(p => $"{p.Name}={values[p.Name]}");
        return path + (query.Any() ? "?" + string.Join('&', query) : "");
    }

    private static IEnumerable<(string Url, HttpContent? Content)> Variants(Operation operation, JsonElement components)
    {
        var baseline = operation.Parameters.ToDictionary(p => p.Name, Baseline);
        var baselineBody = operation.BodySchema is { } schema ? MalformedVariants.Sample(schema, components) : null;
        HttpContent? Json(string text) => new StringContent(text, Encoding.UTF8, "application/json");
        HttpContent? BaselineContent() => baselineBody is null ? null : Json(baselineBody.ToJsonString());

        yield return (Url(operation, baseline), BaselineContent());
        foreach (var parameter in operation.Parameters)
        {
            foreach (var value in MalformedVariants.Values)
            {
                // Kestrel answers a NUL in the path with 400 before the app runs; the in-memory test server throws instead.
                if (parameter.In == "path" && (value.Length == 0 || value == "%00")) continue;
                yield return (Url(operation, new Dictionary<string, string>(baseline) { [parameter.Name] = value }), BaselineContent());
            }
            if (parameter.In == "query")
            {
                yield return (Url(operation, baseline) + $"&{parameter.Name}=1&{parameter.Name}=abc", BaselineContent());
                yield return (Url(operation, baseline.Where(kv => kv.Key != parameter.Name).ToDictionary()), BaselineContent());
            }
        }

        var url = Url(operation, baseline);
        var changes = operation.Method == HttpMethod.Post || operation.Method == HttpMethod.Put || operation.Method == HttpMethod.Patch;
        if (!changes && operation.BodySchema is null) yield break;
        foreach (var text in MalformedVariants.JsonBodies) yield return (url, Json(text));
        foreach (var (contentType, bytes) in MalformedVariants.OtherBodies())
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            yield return (url, content);
        }
        if (baselineBody is not JsonObject body) yield break;
        foreach (var property in body.Select(p => p.Key).ToList())
            foreach (var value in MalformedVariants.PropertyValues())
            {
                var varied = body.DeepClone().AsObject();
                varied[property] = value?.DeepClone();
                yield return (url, Json(varied.ToJsonString().Replace(MalformedVariants.LoneSurrogate, "\\ud800 lone", StringComparison.Ordinal)));
            }
        yield return (url, Json("{" + string.Join(',', body.Select(p => $"\"{p.Key}\":{p.Value?.ToJsonString() ?? "null"}").Concat(["\"unknown\":1"])) + ","));
    }

    private static async Task<HttpClient> CallerForAsync(IReadOnlyList<HttpClient> callers, Operation operation)
    {
        var url = Url(operation, operation.Parameters.ToDictionary(p => p.Name, Baseline));
        foreach (var caller in callers)
        {
            using var request = new HttpRequestMessage(operation.Method, url);
            using var timeout = new CancellationTokenSource(RequestTimeout);
            using var response = await caller.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)) return caller;
        }
        return callers[0];
    }

    private static async Task<string?> SendAsync(HttpClient caller, HttpMethod method, string url, HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative)) { Content = content };
        using var timeout = new CancellationTokenSource(RequestTimeout);
        try
        {
            using var response = await caller.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if ((int)response.StatusCode < 500) return null;
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            return $"{method} {Shorten(url)} [{Shorten(content is null ? "" : await Describe(content))}] -> {(int)response.StatusCode}: {Shorten(body)}";
        }
        catch (Exception e) when (e is not ShouldAssertException)
        {
            return $"{method} {Shorten(url)} -> {e.GetType().Name}: {Shorten(e.Message)}";
        }
    }

    private static async Task<string> Describe(HttpContent content) =>
        content.Headers.ContentType + " " + Encoding.UTF8.GetString(await content.ReadAsByteArrayAsync());

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "...";
}
