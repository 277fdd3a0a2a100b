using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Infrastructure.Caching;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lingjing.Server.Features.Zone;

public static class ZoneApi
{
    public static void MapZoneApi(this WebApplication app)
    {
        var zone = app.MapGroup("/api/v1/zone").WithTags("Zone");
        zone.MapGet("/summary", async Task<Ok<ZoneSummary>> (ZoneStatistics stats, CancellationToken ct) =>
                TypedResults.Ok(await stats.SummaryAsync(ct)))
            .AllowAnonymous()
            // The portal's front page asks on every visit; the answer is the same for everyone until those tables change.
            .CacheSharedResponse(TimeSpan.FromMinutes(5), "parks", "enterprises", "enterprise_revenues", "institutions", "spaces", "system_settings")
            .WithSummary("The zone's headline figures; averageRevenueGrowth3y is computed from the revenue rows");

        // Dashboard series for the government terminal.
        var charts = zone.MapGroup("/charts").RequireAuthorization(Policies.Government);
        charts.MapGet("/enterprises-by-category", async Task<Ok<IReadOnlyList<CategoryCount>>> (ZoneStatistics stats, CancellationToken ct) =>
            TypedResults.Ok(await stats.EnterprisesByCategoryAsync(ct)))
            .WithSummary("Enterprises per industry category, for the government's dashboard");
        charts.MapGet("/revenue-by-year", async Task<Ok<IReadOnlyList<YearRevenue>>> (ZoneStatistics stats, CancellationToken ct) =>
            TypedResults.Ok(await stats.RevenueByYearAsync(ct)))
            .WithSummary("The zone's enterprises' revenue per year, for the government's dashboard");
        charts.MapGet("/parks", async Task<Ok<IReadOnlyList<ParkFigures>>> (ZoneStatistics stats, CancellationToken ct) =>
            TypedResults.Ok(await stats.ParksAsync(ct)))
            .WithSummary("Each park with its place, area, enterprises (and those above designated size) and spaces, for the government's dashboard");
    }
}
