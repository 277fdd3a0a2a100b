using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Twins.Graph;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Twins.Ingest;

/// <summary>Telemetry for dashboards: live values (JSON or a server-sent event stream) and history from the rollups.</summary>
public static class TelemetryApi
{
    private static readonly TimeSpan MaxMinuteRange = TimeSpan.FromDays(7);
    private static readonly TimeSpan MaxHourRange = TimeSpan.FromDays(731);

    public static void MapTelemetryApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/telemetry").WithTags("Telemetry").RequireAuthorization(Policies.SignedIn);

        api.MapGet("/live", async Task<Results<Ok<List<TwinLiveView>>, ProblemHttpResult>> (
                string? under, string? model, ClaimsPrincipal user, TelemetryQueries queries, CancellationToken ct) =>
            {
                var access = TwinAccess.Of(user);
                if (!access.Any) return Forbidden();
                return TypedResults.Ok(await queries.LiveAsync(access, Blank(under), Blank(model), ct));
            })
            .WithSummary("Latest values of twins")
            .WithDescription("under=<twin id> and/or model=<DTMI>; at most 5,000 twins. Only twins with readings unless a model is given.");

        api.MapGet("/live/stream", async Task<Results<EmptyHttpResult, ProblemHttpResult>> (
                string? under, string? model, HttpContext http, ClaimsPrincipal user, IServiceScopeFactory scopes, CancellationToken ct) =>
            {
                var access = TwinAccess.Of(user);
                if (!access.Any) return Forbidden();
                http.Response.Headers.ContentType = "text/event-stream";
                http.Response.Headers.CacheControl = "no-cache";
                var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
                try
                {
                    while (!ct.IsCancellationRequested)
                    {
                        await using (var scope = scopes.CreateAsyncScope())
                        {
                            var live = await scope.ServiceProvider.GetRequiredService<TelemetryQueries>().LiveAsync(access, Blank(under), Blank(model), ct);
                            await http.Response.WriteAsync($"event: live\ndata: {JsonSerializer.Serialize(live, json)}\n\n", ct);
                            await http.Response.Body.FlushAsync(ct);
                        }
                        await Task.Delay(TimeSpan.FromSeconds(2), ct);
                    }
                }
                catch (OperationCanceledException) { }
                return TypedResults.Empty;
            })
            .WithSummary("Latest values as server-sent events, every 2 seconds");

        app.MapGet("/api/v1/twins/{id}/latest", async Task<Results<Ok<TwinLiveView>, ProblemHttpResult>> (
                string id, ClaimsPrincipal user, LingjingDbContext db, TelemetryQueries queries, CancellationToken ct) =>
            {
                var twin = await db.Set<Twin>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
                return twin is null || !TwinAccess.Of(user).Sees(twin.ParkId) ? NotFound(id) : TypedResults.Ok(queries.Live(twin));
            })
            .WithTags("Telemetry").RequireAuthorization(Policies.SignedIn)
            .WithSummary("A twin's latest values");

        app.MapGet("/api/v1/twins/{id}/history", async Task<Results<Ok<HistoryView>, ProblemHttpResult>> (
                string id, string? name, string? from, string? to, string? resolution, ClaimsPrincipal user,
                LingjingDbContext db, SeriesRegistry series, TelemetryQueries queries, TimeProvider time, CancellationToken ct) =>
            {
                var twin = await db.Set<Twin>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
                if (twin is null || !TwinAccess.Of(user).Sees(twin.ParkId)) return NotFound(id);
                if (string.IsNullOrWhiteSpace(name)) return Bad("name is required: the telemetry to chart (e.g. temperature, or phases.l1).");
                var s = series.Find(id, name);
                if (s is null)
                {
                    var known = series.OfTwin(id).Select(x => x.Name).ToList();
                    return Bad($"Twin {id} has no readings of '{name}'" + (known.Count > 0 ? $" (it has: {string.Join(", ", known)})." : "."));
                }
                var now = time.GetUtcNow();
                if (!TryInstant(to, now, out var end)) return Bad("to must be an ISO 8601 instant with an offset.");
                if (!TryInstant(from, end - TimeSpan.FromHours(24), out var start)) return Bad("from must be an ISO 8601 instant with an offset.");
                if (end <= start) return Bad("to must be after from.");
                var range = end - start;
                var res = resolution ?? (range <= TimeSpan.FromHours(12) ? "minute" : "hour");
                if (res is not ("minute" or "hour")) return Bad("resolution must be minute or hour.");
                if (res == "minute" && range > MaxMinuteRange) return Bad("Minute resolution covers at most 7 days; use hour.");
                if (range > MaxHourRange) return Bad("History covers at most 2 years.");
                var points = await queries.HistoryAsync(s.Id, start, end, res, ct);
                return TypedResults.Ok(new HistoryView(id, name, res, start, end, points));
            })
            .WithTags("Telemetry").RequireAuthorization(Policies.SignedIn)
            .WithSummary("History of one telemetry from the rollups")
            .WithDescription("name=<telemetry>; from, to: ISO 8601 (default: the last 24 hours); resolution=minute|hour (default: minute up to 12 hours, else hour).");
    }

    private static bool TryInstant(string? text, DateTimeOffset fallback, out DateTimeOffset value)
    {
        value = fallback;
        if (string.IsNullOrWhiteSpace(text)) return true;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out value)
            && (text.EndsWith('Z') || text.EndsWith('z') || text.LastIndexOfAny(['+', '-']) > 10);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static ProblemHttpResult Bad(string detail) => TypedResults.Problem(title: "The request is not valid", detail: detail, statusCode: 400);

    private static ProblemHttpResult NotFound(string id) => TypedResults.Problem(title: "Not found", detail: $"There is no twin {id} you can see.", statusCode: 404);

    private static ProblemHttpResult Forbidden() => TypedResults.Problem(title: "Forbidden", detail: "Telemetry is for park operators and the government.", statusCode: 403);
}
