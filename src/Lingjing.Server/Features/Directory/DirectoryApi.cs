using System.Security.Claims;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Infrastructure.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using static Lingjing.Server.Features.Directory.EnterpriseDirectory;
using static Lingjing.Server.Features.Directory.InstitutionDirectory;
using static Lingjing.Server.Features.Directory.ParkDirectory;
using static Lingjing.Server.Features.Directory.SpaceDirectory;

namespace Lingjing.Server.Features.Directory;

/// <summary>The zone directory over HTTP: lists with search, filters, sorting and pages, and detail by id.</summary>
public static class DirectoryApi
{
    private const string ListDescription =
        "q: words that must all occur (substring, case-insensitive, Chinese or English; at most 200 characters). " +
        "page: from 1. pageSize: 1 to 100 (default 20). Invalid values give 400 with a detail naming the parameter.";

    public static void MapDirectoryApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Directory").RequireAuthorization(Policies.SignedIn);

        api.MapGet("/enterprises", async Task<Results<Ok<ResultPage<EnterpriseItem>>, ProblemHttpResult>> (
                [AsParameters] EnterpriseDirectory.ListRequest request, ClaimsPrincipal user, EnterpriseDirectory directory, CancellationToken ct) =>
            {
                var input = new DirectoryInput();
                var filter = request.Read(input);
                if (!input.IsValid) return BadInput(input);
                var viewer = EnterpriseViewer.For(user);
                if (!viewer.SortsAllowed(filter.ParkId).Contains(filter.Sort))
                    return Failure.Forbidden("Sorting by {0} ranks enterprises by a confidential figure: only the government, and a park's operators listing their own park, may use it. Sort by relevance, name or founding date.", filter.Sort)
                        .Titled("This sort is not open to you").ToProblem();
                return TypedResults.Ok(await directory.SearchAsync(filter, viewer, ct));
            })
            .WithSummary("Search the zone's enterprises")
            .WithDescription(ListDescription + " category: an enterprise category code. aboveSize: true or false. tag: repeatable, all must match. " +
                "sort: relevance (default with q; name matches first), name, founded (newest first), employees, revenue (most first; these two " +
                "only for the government and for a park's operators with parkId of their park, others get 403). employees and latestRevenueYuan " +
                "are confidential: null (confidentialShown false) except for the government, the enterprise's park operators and its own accounts.");
        api.MapGet("/enterprises/{id:int}", async Task<Results<Ok<EnterpriseDetail>, ProblemHttpResult>> (
                int id, ClaimsPrincipal user, EnterpriseDirectory directory, CancellationToken ct) =>
                await directory.FindAsync(id, EnterpriseViewer.For(user), ct) is { } found ? TypedResults.Ok(found) : Failure.NotFound("There is no enterprise with id {0}.", id).ToProblem())
            .WithSummary("One enterprise; its revenue by year, staff numbers and contacts only for those who may see them")
            .WithDescription("The confidential group (employees, contactEmail, contactPhone, latestRevenueYuan, revenues) is null, and " +
                "confidentialShown false, except for the government, the operators of the enterprise's park and the enterprise's own accounts.");

        MapKind<ParkDirectory.ListRequest, ParkDirectory.Filter, ParkDirectory, ParkItem, ParkDetail>(api, "/parks",
            ("Search the zone's parks", "sort: relevance (default with q), name, opened (oldest first)."),
            "One park with its buildings and counts", id => Failure.NotFound("There is no park with id {0}.", id));
        MapKind<InstitutionDirectory.ListRequest, InstitutionDirectory.Filter, InstitutionDirectory, InstitutionItem, InstitutionDetail>(api, "/institutions",
            ("Search the zone's professional cultural service institutions",
                "serviceType: a service type code. tag: repeatable, all must match. sort: relevance (default with q), name."),
            "One service institution", id => Failure.NotFound("There is no institution with id {0}.", id));
        MapKind<SpaceDirectory.ListRequest, SpaceDirectory.Filter, SpaceDirectory, SpaceItem, SpaceDetail>(api, "/spaces",
            ("Search the zone's offline public cultural spaces",
                "type: a space type code. minCapacity: a whole number from 0. sort: relevance (default with q), name, capacity (largest first)."),
            "One space with opening days and equipment", id => Failure.NotFound("There is no space with id {0}.", id));
    }

    /// <summary>The list (search, filters, sort, pages) and the detail endpoint of one kind of place.</summary>
    private static void MapKind<TRequest, TFilter, TDirectory, TItem, TDetail>(RouteGroupBuilder api, string path,
        (string Summary, string Description) list, string detailSummary, Func<int, Failure> notFound)
        where TRequest : IListRequest<TFilter>
        where TDirectory : IKindDirectory<TFilter, TItem, TDetail>
        where TDetail : class
    {
        api.MapGet(path, async Task<Results<Ok<ResultPage<TItem>>, ProblemHttpResult>> (
                [AsParameters] TRequest request, TDirectory directory, CancellationToken ct) =>
            {
                var input = new DirectoryInput();
                var filter = request.Read(input);
                return input.IsValid ? TypedResults.Ok(await directory.SearchAsync(filter, ct)) : BadInput(input);
            })
            .WithSummary(list.Summary)
            .WithDescription(ListDescription + " " + list.Description);
        api.MapGet(path + "/{id:int}", async Task<Results<Ok<TDetail>, ProblemHttpResult>> (int id, TDirectory directory, CancellationToken ct) =>
                await directory.FindAsync(id, ct) is { } found ? TypedResults.Ok(found) : notFound(id).ToProblem())
            .WithSummary(detailSummary);
    }

    private static ProblemHttpResult BadInput(DirectoryInput input) => Failure.Invalid(input.Errors).ToProblem();
}
