using Microsoft.AspNetCore.Http.HttpResults;
using Lingjing.Server.Infrastructure.Caching;
using Lingjing.Server.Infrastructure.Paging;

namespace Lingjing.Server.Features.PolicyServices;

/// <summary>The public policy catalogue over HTTP: no sign-in needed.</summary>
public static class PublicCatalogueApi
{
    public static void MapPublicCatalogueApi(this WebApplication app)
    {
        // The same for every reader; a policy's stage depends on the zone's day, so one cached answer per day.
        var group = app.MapGroup("/api/v1/public/policies").WithTags("Public policy catalogue").AllowAnonymous()
            .CacheSharedResponse(TimeSpan.FromMinutes(1), ZoneDay, "policies");

        group.MapGet("/", async Task<Results<Ok<ResultPage<PublicPolicyView>>, ProblemHttpResult>> (
                string? stage, string? category, string? q, int? page, int? pageSize, PublicCatalogue catalogue, CancellationToken ct) =>
            {
                if (stage is not null && !PolicyLife.Stages.Contains(stage))
                    return Failure.NotOneOf(PolicyFilters.Stage, stage, PolicyLife.Stages).ToProblem();
                if (category is not null && PolicyCategories.All.All(c => c.Code != category))
                    return Failure.NotOneOf(PolicyFilters.Category, category, PolicyCategories.All.Select(c => c.Code)).ToProblem();
                var errors = new FieldErrors();
                var (p, size) = PageRequest.Read(page, pageSize, PublicCatalogue.MaxPageSize, errors);
                if (!errors.IsEmpty) return Failure.Invalid(errors).ToProblem();
                return TypedResults.Ok(await catalogue.ListAsync(stage, category, q, p, size, ct));
            })
            .WithSummary("Published policies for everyone: open first, then upcoming, then closed, with dates and conditions in plain words (en, zh)")
            .WithDescription("Filters: stage (open, upcoming, closed), category, q (title or department).");

        group.MapGet("/{id:int}", async Task<Results<Ok<PublicPolicyView>, ProblemHttpResult>> (int id, PublicCatalogue catalogue, CancellationToken ct) =>
                await catalogue.FindAsync(id, ct) is { } policy
                    ? TypedResults.Ok(policy)
                    : Failure.NotFound("There is no published policy with id {0}.", id).ToProblem())
            .WithSummary("One published policy with its conditions in plain words");
    }

    private static string ZoneDay(HttpContext http) =>
        http.RequestServices.GetRequiredService<PolicyCalendar>().Today().DayNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
