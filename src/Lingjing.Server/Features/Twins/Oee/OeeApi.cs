using System.Security.Claims;
using Lingjing.Server.Features.Accounts;

namespace Lingjing.Server.Features.Twins.Oee;

public static class OeeApi
{
    public static void MapOeeApi(this WebApplication app) =>
        app.MapGet("/api/v1/lines/oee", async (ClaimsPrincipal user, OeeCalculator oee, CancellationToken ct) =>
                TypedResults.Ok(await oee.LinesAsync(user.ParkId()!.Value, 6, ct)))
            .WithTags("Telemetry").RequireAuthorization(Policies.ParkOperator)
            .WithSummary("OEE per shift of my park's production lines (the current shift and the five before it)")
            .WithDescription("Availability = share of the machines' state readings that are 'running'; performance = units made / (running minutes x ideal rate); " +
                "quality = good / (good + bad); each averaged over the line's machines that reported in the shift.");
}
