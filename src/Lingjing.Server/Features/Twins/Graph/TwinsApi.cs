using System.Security.Claims;
using Lingjing.Server.Features.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lingjing.Server.Features.Twins.Graph;

/// <summary>The twin graph over HTTP. The government reads every park's twins, a park operator their own.</summary>
public static class TwinsApi
{
    private const string PropertyPrefix = "property.";

    public static void MapTwinsApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/twins").WithTags("Twins").RequireAuthorization(Policies.SignedIn);

        api.MapGet("/", async Task<Results<Ok<TwinPage>, ProblemHttpResult>> (
                HttpRequest request, ClaimsPrincipal user, TwinGraphService graph, CancellationToken ct) =>
            {
                var access = TwinAccess.Of(user);
                if (!access.Any) return Forbidden();
                var q = request.Query;
                var limit = 100;
                if (q.TryGetValue("limit", out var l) && (!int.TryParse(l, out limit) || limit < 1 || limit > TwinGraphService.MaxLimit))
                    return BadInput("The limit must be a whole number from 1 to {0}.", TwinGraphService.MaxLimit);
                var related = (string?)q["related"];
                var relationship = (string?)q["relationship"];
                if (related is not null && relationship is null) return BadInput("A related twin needs a relationship too (e.g. relationship=hasSensor&related=p01-s17).");
                var properties = new Dictionary<string, string>();
                foreach (var (key, value) in q)
                {
                    if (key.StartsWith(PropertyPrefix, StringComparison.Ordinal) && key.Length > PropertyPrefix.Length)
                        properties[key[PropertyPrefix.Length..]] = value.ToString();
                    else if (key is not ("model" or "under" or "relationship" or "related" or "after" or "limit"))
                        return BadInput("'{0}' is not a filter; use model, under, relationship, related, property.<name>, after, limit.", key);
                }
                var query = new TwinQuery(NullIfEmpty(q["model"]), NullIfEmpty(q["under"]), NullIfEmpty(relationship), NullIfEmpty(related), properties, NullIfEmpty(q["after"]), limit);
                return TypedResults.Ok(await graph.QueryAsync(query, access, ct));
            })
            .WithSummary("Query twins")
            .WithDescription("Filters (all optional, combined): model=<DTMI>; under=<twin id> (everything it contains, at any depth); " +
                "relationship=<name> (twins with such an outgoing relationship) or relationship=<name>&related=<twin id> (the targets of that twin's relationship); " +
                "property.<name>=<value>; after=<id> and limit (1-1000, default 100) to page. Government: all parks; park operators: their park.");

        api.MapGet("/{id}", async Task<Results<Ok<TwinView>, ProblemHttpResult>> (string id, ClaimsPrincipal user, TwinGraphService graph, CancellationToken ct) =>
                await graph.FindAsync(id, TwinAccess.Of(user), ct) is { } twin
                    ? TypedResults.Ok(twin)
                    : TwinFailures.NoTwin(id).ToProblem())
            .WithSummary("One twin with its outgoing relationships");

        api.MapPost("/", async Task<Results<Created<TwinView>, ProblemHttpResult>> (
                CreateTwinRequest request, ClaimsPrincipal user, TwinGraphService graph, CancellationToken ct) =>
            {
                var outcome = await graph.CreateAsync(request, TwinAccess.Of(user), ct);
                return outcome.Value is { } twin
                    ? TypedResults.Created($"/api/v1/twins/{twin.Id}", twin)
                    : outcome.Failure!.ToProblem();
            })
            .RequireAuthorization(Policies.ParkOperator)
            .WithSummary("Create a twin in my park")
            .WithDescription("Body: id, modelId, parentId (a twin of your park), relationship (default contains; must be declared by the parent's model), nameEn, nameZh, properties (checked against the model).");
    }

    private static string? NullIfEmpty(Microsoft.Extensions.Primitives.StringValues value) => string.IsNullOrWhiteSpace(value) ? null : value.ToString();

    private static ProblemHttpResult BadInput(string detail, params object?[] args) => Failure.Invalid(detail, args).ToProblem();

    private static ProblemHttpResult Forbidden() => TwinFailures.OperatorsAndGovernmentOnly.ToProblem();
}
