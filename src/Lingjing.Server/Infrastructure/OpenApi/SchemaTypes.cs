using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Lingjing.Server.Infrastructure.OpenApi;

/// <summary>
/// Schemas as a client generator should type them. Strings go through <c>NulFreeStringConverter</c>, which hides their
/// type from the schema generator (it writes <c>{}</c>, "anything"): they are strings again, nullable where the
/// property is. Numbers are numbers: the server also reads <c>"12"</c> for 12, but a client should send 12, and a
/// generator would otherwise type every number as <c>number | string</c>.
/// </summary>
internal sealed class SchemaTypes : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type == typeof(string) && schema.Type is null && schema.Format is null)
        {
            schema.Type = context.JsonPropertyInfo is { IsGetNullable: true } ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
        }
        else if (schema.Type is { } type && (type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number)) && type.HasFlag(JsonSchemaType.String))
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }
        return Task.CompletedTask;
    }
}
