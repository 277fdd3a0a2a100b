using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lingjing.Server.Features.Accounts.ApiKeys;

/// <summary><c>/api/v1/api-keys</c>: an organisation's keys for its machines, for its administrators (the government,
/// a park's operators, an enterprise's administrators). A key is sent as <c>Authorization: Bearer ljk_…</c>.</summary>
public static class ApiKeysApi
{
    public static void MapApiKeysApi(this WebApplication app)
    {
        var keys = app.MapGroup("/api/v1/api-keys").WithTags("API keys").RequireAuthorization(Policies.SignedIn);
        keys.MapGet("/", async Task<Results<Ok<List<ApiKeyView>>, ProblemHttpResult>> (ClaimsPrincipal user, ApiKeyService service, CancellationToken ct) =>
                (await service.ListAsync(user, ct)).ToOk())
            .WithSummary("My organisation's API keys, newest first: name, scopes, expiry, last use, state (never the key itself)");
        keys.MapPost("/", async Task<Results<Created<ApiKeyCreated>, ProblemHttpResult>> (ApiKeyInput input, ClaimsPrincipal user, ApiKeyService service, CancellationToken ct) =>
            {
                var outcome = await service.CreateAsync(user, input, ct);
                return outcome.Value is { } created ? TypedResults.Created($"/api/v1/api-keys/{created.ApiKey.Id}", created) : outcome.Failure!.ToProblem();
            })
            .WithSummary("Make a key for a machine: it acts as you, within its scopes, until it expires; the answer holds the key, shown this once")
            .WithDescription("Scopes: " + string.Join(", ", ApiScopes.All.Select(s => $"{s.Code} ({s.NameEn})")) + ". 409 when the organisation has 50 active keys.");
        keys.MapDelete("/{id:guid}", async Task<Results<Ok<ApiKeyView>, ProblemHttpResult>> (Guid id, ClaimsPrincipal user, ApiKeyService service, CancellationToken ct) =>
                (await service.RevokeAsync(user, id, ct)).ToOk())
            .WithSummary("Revoke a key: refused from the next request on, on every node");
    }
}
