using System.Security.Claims;
using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Infrastructure.Caching;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Twins.Models;

/// <summary>Twin models over HTTP: list, read, and upload DTDL (park operators).</summary>
public static class TwinModelsApi
{
    private const int MaxUploadBytes = 1 << 20;

    public static void MapTwinModelsApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/twin-models").WithTags("Twins");

        api.MapGet("/", (TwinModelCatalog catalog) =>
                TypedResults.Ok(catalog.All.Select(m => TwinModelView.From(m, catalog.Shipped.Contains(m.Id))).ToList()))
            .RequireAuthorization(Policies.SignedIn)
            // Every signed-in reader gets the same list; an upload evicts it.
            .CacheSharedResponse(TimeSpan.FromMinutes(10), "twin_models")
            .WithSummary("All twin models (shipped and uploaded)");

        api.MapGet("/{id}", Results<Ok<TwinModelView>, ProblemHttpResult> (string id, TwinModelCatalog catalog) =>
                catalog.Find(id) is { } model
                    ? TypedResults.Ok(TwinModelView.From(model, catalog.Shipped.Contains(model.Id)))
                    : Failure.NotFound("There is no model {0}.", id).ToProblem())
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("One twin model");

        api.MapPost("/", async Task<Results<Created<List<TwinModelView>>, ProblemHttpResult>> (
                HttpRequest request, ClaimsPrincipal user, TwinModelCatalog catalog, LingjingDbContext db, TimeProvider time, CacheEviction eviction, CancellationToken ct) =>
            {
                if (request.ContentLength > MaxUploadBytes) return TooLarge().ToProblem();
                using var reader = new StreamReader(request.Body);
                var json = await reader.ReadToEndAsync(ct);
                if (json.Length > MaxUploadBytes) return TooLarge().ToProblem();
                var (parsed, errors) = catalog.Check(json, "upload");
                if (errors.Count > 0)
                    // The model language's own words (DTDL), in English, each with the element it is about.
                    return new Failure(StatusCodes.Status400BadRequest, new("The model is not valid"), new("{0}", string.Join(" ", errors.Take(20).Select(e => e + "."))))
                        .With("errors", errors.Select(e => new { element = e.Element, problem = e.Problem }).ToList()).ToProblem();
                var now = time.GetUtcNow().UtcDateTime;
                foreach (var model in parsed)
                    db.Add(new TwinModelRecord { Id = model.Id, Json = json, ParkId = user.ParkId(), UploadedBy = user.UserId(), UploadedAt = now });
                try
                {
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateException)
                {
                    // Another upload of the same id passed the check at the same moment and was stored first.
                    return Failure.Conflict("{0} was uploaded by another request at the same moment; models never change, upload a new version (e.g. ;2).",
                        string.Join(", ", parsed.Select(m => m.Id))).Titled("The model exists already").ToProblem();
                }
                catalog.Add(parsed);
                // The save evicted the list already, but a reader in between cached it without the new models.
                await eviction.TablesChangedAsync(["twin_models"], ct);
                return TypedResults.Created($"/api/v1/twin-models/{Uri.EscapeDataString(parsed[0].Id)}", parsed.Select(m => TwinModelView.From(m, false)).ToList());
            })
            .RequireAuthorization(Policies.ParkOperator)
            .WithSummary("Upload DTDL v3 interfaces")
            .WithDescription("Body: one DTDL v3 Interface or an array of them (Lingjing's subset: Property, Telemetry, Relationship, Component; " +
                "primitive, Enum and Object schemas). 400 lists every problem with the element it is in; 201 with the models.");
    }

    private static Failure TooLarge() =>
        new(StatusCodes.Status413PayloadTooLarge, new("Too large"), new("A model document may be at most 1 MB."));
}
