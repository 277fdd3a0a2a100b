using Lingjing.Server.Features.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Lingjing.Server.Infrastructure.Paging;

namespace Lingjing.Server.Features.Terminals.Parks;

/// <summary>The park terminal's API. The park always comes from the operator's claim, never from the request.</summary>
public static class ParkOverviewApi
{
    public static void MapParkOverviewApi(this WebApplication app)
    {
        var park = app.MapGroup("/api/v1/park").WithTags("Park").RequireAuthorization(Policies.ParkOperator);
        park.MapGet("/overview", OverviewAsync).WithSummary("The operator's park: figures and spaces");
        park.MapGet("/tenants", TenantsAsync).WithSummary("The operator's park's tenant enterprises, paged (pageSize 1-100)");
    }

    private static async Task<Results<Ok<ParkOverview>, NotFound>> OverviewAsync(HttpContext http, ParkOverviewService parks, CancellationToken ct) =>
        http.User.ParkId() is { } id && await parks.GetAsync(id, ct) is { } overview ? TypedResults.Ok(overview) : TypedResults.NotFound();

    private static async Task<Results<Ok<ResultPage<ParkTenant>>, ProblemHttpResult>> TenantsAsync(
        HttpContext http, ParkOverviewService parks, CancellationToken ct, int? page = null, int? pageSize = null)
    {
        var errors = new FieldErrors();
        var request = PageRequest.Read(page, pageSize, ParkOverviewService.MaxPageSize, errors);
        if (!errors.IsEmpty) return Failure.Invalid(errors).ToProblem();
        return TypedResults.Ok(await parks.TenantsAsync(http.User.ParkId()!.Value, request.Page, request.PageSize, ct));
    }
}
