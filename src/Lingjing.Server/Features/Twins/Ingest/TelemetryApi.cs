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
    private static readonly Field NameField = new("name", "Telemetry");
    private static readonly Field FromField = new("from", "From");
    private static readonly Field ToField = new("to", "Until");
    private static readonly Field ResolutionField = new("resolution", "Resolution");
    private const string InstantExpected = "A date and time in ISO 8601 with its offset, e.g. 2026-12-06T08:00:00+08:00.";

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
                if (string.IsNullOrWhiteSpace(name)) return Bad(NameField, "Name the telemetry to chart (e.g. temperature, or phases.l1).");
                var s = series.Find(id, name);
                if (s is null)
                {
                    var known = series.OfTwin(id).Select(x => x.Name).ToList();
                    return known.Count > 0
                        ? Bad(NameField, "Twin {0} has no readings of '{1}'; it has: {2}.", id, name, string.Join(", ", known))
                        : Bad(NameField, "Twin {0} has no readings yet.", id);
                }
                var now = time.GetUtcNow();
                if (!TryInstant(to, now, out var end)) return Bad(ToField, InstantExpected);
                if (!TryInstant(from, end - TimeSpan.FromHours(24), out var start)) return Bad(FromField, InstantExpected);
                if (end <= start) return Bad(ToField, "The end must come after the start.");
                var range = end - start;
                var res = resolution ?? (range <= TimeSpan.FromHours(12) ? "minute" : "hour");
                if (res is not ("minute" or "hour")) return Bad(ResolutionField, "minute or hour.");
                if (res == "minute" && range > MaxMinuteRange) return Bad(ResolutionField, "Minute resolution covers at most 7 days; use hour.");
                if (range > MaxHourRange) return Bad(FromField, "History covers at most 2 years.");
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

    private static ProblemHttpResult Bad(Field field, string message, params object?[] args)
    {
        var errors = new FieldErrors();
        errors.Add(field, message, args);
        return Failure.Invalid(errors).ToProblem();
    }

    private static ProblemHttpResult NotFound(string id) => TwinFailures.NoTwin(id).ToProblem();

    private static ProblemHttpResult Forbidden() => TwinFailures.OperatorsAndGovernmentOnly.ToProblem();
}
