using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Lingjing.Server.Infrastructure.OpenApi;

/// <summary>The document as a whole: title, description and licence, the security schemes, the problem-details schema
/// every 4xx answer uses, the tags with their descriptions, and the server as the installation serving the document
/// (a generated client is pointed at its own).</summary>
internal sealed class DocumentDescription : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Lingjing API",
            Version = "v1",
            Description = "The cloud park's API: the zone's directory, bookings of offline spaces, policies and government services, " +
                "collaboration, events, digital twins and the 3D world. Sign in with POST /api/v1/auth/token and send the token as a bearer token. " +
                "Errors are problem details (RFC 9457) with a human-readable `detail` and, for invalid input, `errors` per field.",
            License = new OpenApiLicense { Name = "Apache License 2.0", Identifier = "Apache-2.0" },
        };
        document.Servers = [new OpenApiServer { Url = "/", Description = "The installation that serves this document" }];
        var cookie = context.ApplicationServices.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        SecuritySchemes.AddTo(document, cookie.Cookie.Name ?? CookieAuthenticationDefaults.CookiePrefix + IdentityConstants.ApplicationScheme);
        ProblemResponses.AddSchema(document);
        var used = document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []).SelectMany(o => o.Tags ?? new HashSet<OpenApiTagReference>())
            .Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        document.Tags = new HashSet<OpenApiTag>(ApiTags.All.Where(t => used.Contains(t.Name))
            .Select(t => new OpenApiTag { Name = t.Name, Description = t.Description }));
        return Task.CompletedTask;
    }
}
