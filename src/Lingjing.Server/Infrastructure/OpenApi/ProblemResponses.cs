using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Lingjing.Server.Infrastructure.OpenApi;

/// <summary>The problem-details answers (RFC 9457, <c>application/problem+json</c>) an operation documents, one schema
/// for all of them.</summary>
public static class ProblemResponses
{
    public const string Schema = "ProblemDetails";
    public const string MediaType = "application/problem+json";

    private static readonly Dictionary<int, string> Descriptions = new()
    {
        [400] = "The request is not valid: `detail` says why and `errors` names each field that is wrong.",
        [401] = "Not signed in, or the token or cookie has expired or was revoked.",
        [403] = "Signed in, but this caller may not do this.",
        [404] = "There is nothing with this id that the caller may see.",
        [409] = "The request conflicts with the current state: `detail` says what stands in the way.",
        [429] = "Too many requests of this kind from this caller: try again after the seconds in the Retry-After header.",
    };

    public static void AddSchema(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[Schema] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "A problem (RFC 9457). `code` names the kind of refusal where a client may act on it (such as service-hall.closed).",
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
                ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "What went wrong, for a person to read (in the request's language)." },
                ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["code"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Description = "For invalid input: the messages for each field, by the field's name in the request.",
                    AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                },
            },
        };
    }

    /// <summary>Adds the answer for <paramref name="status"/> unless the operation documents it with a body already (a
    /// bare <c>NotFound</c> result is documented without one, but the problem-details middleware writes one).</summary>
    public static void Add(OpenApiOperation operation, OpenApiDocument document, int status)
    {
        operation.Responses ??= new OpenApiResponses();
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses.TryGetValue(key, out var documented) && documented.Content is { Count: > 0 }) return;
        operation.Responses[key] = new OpenApiResponse
        {
            Description = Descriptions.GetValueOrDefault(status, documented?.Description ?? "The request was refused."),
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [MediaType] = new() { Schema = new OpenApiSchemaReference(Schema, document), Example = Example(status) },
            },
        };
    }

    private static JsonNode Example(int status) => status switch
    {
        400 => new JsonObject
        {
            ["title"] = "One or more validation errors occurred.", ["status"] = 400, ["detail"] = "Check these fields: Title (English).",
            ["errors"] = new JsonObject { ["titleEn"] = new JsonArray("This field is required.") },
        },
        401 => new JsonObject { ["title"] = "Unauthorized", ["status"] = 401, ["detail"] = "Sign in first." },
        403 => new JsonObject { ["title"] = "Forbidden", ["status"] = 403, ["detail"] = "Only the government may do this." },
        404 => new JsonObject { ["title"] = "Not Found", ["status"] = 404, ["detail"] = "There is no matter with id 42 in the catalogue." },
        409 => new JsonObject { ["title"] = "Conflict", ["status"] = 409, ["detail"] = "The space is already booked at that time." },
        _ => new JsonObject { ["title"] = "Too many requests", ["status"] = 429, ["detail"] = "At most 60 such requests per 60 seconds are allowed. Try again in 12 seconds." },
    };
}
