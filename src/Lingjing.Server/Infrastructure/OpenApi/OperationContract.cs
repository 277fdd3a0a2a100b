using Lingjing.Server.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Lingjing.Server.Infrastructure.OpenApi;

/// <summary>One operation as a client needs it: its operationId, who may call it (bearer or cookie, or anyone), the
/// problem-details answers it can give (400 for what it reads, 401/403 when it needs a signed-in caller, 404 for an id
/// in its path, 409 where its description names one, 429 where the rate limiter applies) and the examples of the main flows.</summary>
internal sealed class OperationContract : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var document = context.Document!;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var method = description.HttpMethod ?? HttpMethods.Get;
        var path = "/" + description.RelativePath;
        operation.OperationId ??= OperationIds.Of(method, path);

        var signedIn = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
        operation.Security = signedIn ? SecuritySchemes.SignedIn(document) : [];

        foreach (var declared in (operation.Responses?.Keys.AsEnumerable() ?? []).Where(k => k.StartsWith('4')).ToList())
            ProblemResponses.Add(operation, document, int.Parse(declared, System.Globalization.CultureInfo.InvariantCulture));
        var reads = operation.RequestBody is not null || (!HttpMethods.IsGet(method) && !HttpMethods.IsDelete(method))
            || description.ParameterDescriptions.Any(p => p.Source == BindingSource.Query);
        if (reads) ProblemResponses.Add(operation, document, 400);
        if (signedIn)
        {
            ProblemResponses.Add(operation, document, 401);
            ProblemResponses.Add(operation, document, 403);
        }
        if (description.ParameterDescriptions.Any(p => p.Source == BindingSource.Path)) ProblemResponses.Add(operation, document, 404);
        // A conflict depends on the state, not on the route, and a few operations throttle on their own (signing in):
        // those say so in their description.
        var told = $"{operation.Summary} {operation.Description}";
        if (told.Contains("409", StringComparison.Ordinal)) ProblemResponses.Add(operation, document, 409);
        if (RateLimiting.AppliesTo(method, path, metadata) || told.Contains("429", StringComparison.Ordinal)) ProblemResponses.Add(operation, document, 429);
        ApiExamples.Apply(operation);
        return Task.CompletedTask;
    }
}
