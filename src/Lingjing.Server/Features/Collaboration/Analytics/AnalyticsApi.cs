using System.Security.Claims;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Infrastructure.Exports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lingjing.Server.Features.Collaboration.Analytics;

/// <summary>The collaboration analytics for the government (the zone, or one park with <c>parkId</c>) and park operators
/// (their park), under /api/v1/collaboration/analytics: each table as JSON, and with <c>.csv</c> or <c>.xlsx</c> as a
/// download.</summary>
public static class AnalyticsApi
{
    public static void MapCollaborationAnalyticsApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/collaboration/analytics").WithTags("Collaboration")
            .RequireAuthorization(p => p.RequireRole(Roles.Government, Roles.ParkOperator));

        api.MapGet("/network", async Task<Results<Ok<NetworkGraph>, ProblemHttpResult>> (int? parkId, ClaimsPrincipal user, CollaborationAnalytics analytics, CancellationToken ct) =>
                ScopeOf(user, parkId) is { } scope ? TypedResults.Ok(await analytics.NetworkAsync(scope, ct)) : NotYourPark())
            .WithSummary("Who works with whom: the most connected enterprises and institutions and their confirmed agreements (at most 150 nodes)");
        api.MapGet("/flows", async Task<Results<Ok<IReadOnlyList<ChainFlow>>, ProblemHttpResult>> (int? parkId, ClaimsPrincipal user, CollaborationAnalytics analytics, CancellationToken ct) =>
                ScopeOf(user, parkId) is { } scope ? TypedResults.Ok(await analytics.FlowsAsync(scope, ct)) : NotYourPark())
            .WithSummary("Confirmed agreements from the client's segment of the industry chain to the need's segment");
        api.MapGet("/unmet", async Task<Results<Ok<IReadOnlyList<UnmetNeeds>>, ProblemHttpResult>> (int? parkId, ClaimsPrincipal user, CollaborationAnalytics analytics, CancellationToken ct) =>
                ScopeOf(user, parkId) is { } scope ? TypedResults.Ok(await analytics.UnmetAsync(scope, ct)) : NotYourPark())
            .WithSummary($"Needs left unmet per segment: open for over {CollaborationAnalytics.UnmetAfterDays} days, or closed without an agreement");
        api.MapGet("/funnel", async Task<Results<Ok<IReadOnlyList<FunnelStage>>, ProblemHttpResult>> (int? parkId, ClaimsPrincipal user, CollaborationAnalytics analytics, CancellationToken ct) =>
                ScopeOf(user, parkId) is { } scope ? TypedResults.Ok(await analytics.FunnelAsync(scope, ct)) : NotYourPark())
            .WithSummary("Needs published, contacted, with an agreement proposed, agreed");
        api.MapGet("/timing", async Task<Results<Ok<IReadOnlyList<CollaborationTiming>>, ProblemHttpResult>> (int? parkId, ClaimsPrincipal user, CollaborationAnalytics analytics, CancellationToken ct) =>
                ScopeOf(user, parkId) is { } scope ? TypedResults.Ok(await analytics.TimingAsync(scope, ct)) : NotYourPark())
            .WithSummary("Days from publishing to the first message and to a confirmed agreement, median and 90th percentile, per segment and for all");

        api.MapGet("/{table}.{format}", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (
                string table, string format, int? parkId, ClaimsPrincipal user, CollaborationAnalytics analytics, TimeProvider time, CancellationToken ct) =>
            {
                if (!AnalyticsTables.Names.Contains(table) || format is not ("csv" or "xlsx"))
                    return Failure.NotFound("There is no table '{0}.{1}': choose one of {2}, as .csv or .xlsx.", table, format, string.Join(", ", AnalyticsTables.Names)).ToProblem();
                if (ScopeOf(user, parkId) is not { } scope) return NotYourPark();
                var export = table switch
                {
                    "network" => AnalyticsTables.Network(await analytics.NetworkAsync(scope, ct)),
                    "flows" => AnalyticsTables.Flows(await analytics.FlowsAsync(scope, ct)),
                    "unmet" => AnalyticsTables.Unmet(await analytics.UnmetAsync(scope, ct)),
                    "funnel" => AnalyticsTables.Funnel(await analytics.FunnelAsync(scope, ct)),
                    _ => AnalyticsTables.Timing(await analytics.TimingAsync(scope, ct)),
                };
                var name = $"lingjing-collaboration-{table}{(scope.ParkId is { } p ? $"-park{p}" : "")}-{time.GetUtcNow():yyyyMMdd}.{format}";
                return format == "csv"
                    ? TypedResults.File(export.ToCsv(), ExportTable.CsvType, name)
                    : TypedResults.File(export.ToXlsx(), ExportTable.XlsxType, name);
            })
            .WithSummary("Download a table (network, flows, unmet, funnel, timing) as CSV (UTF-8) or an Excel workbook, headings in the reader's language");
    }

    /// <summary>The government looks at the zone or any park; a park operator at their own park only (null for another).</summary>
    private static AnalyticsScope? ScopeOf(ClaimsPrincipal user, int? parkId)
    {
        if (user.IsInRole(Roles.Government)) return new AnalyticsScope(parkId);
        var own = user.ParkId();
        return own is not null && (parkId is null || parkId == own) ? new AnalyticsScope(own) : null;
    }

    private static ProblemHttpResult NotYourPark() =>
        Failure.Forbidden("A park's operators look at their own park's collaboration.").ToProblem();
}
