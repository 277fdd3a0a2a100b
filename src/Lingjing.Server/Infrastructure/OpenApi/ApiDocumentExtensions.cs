namespace Lingjing.Server.Infrastructure.OpenApi;

/// <summary>
/// The API's OpenAPI document (<c>/openapi/v1.json</c>) as client generators and linters need it: who may call what
/// (security schemes applied per operation), a stable operationId on every operation, the problem-details answers
/// each operation can give, tag descriptions, examples of the main flows and the licence. ./test.sh lints it with
/// Redocly CLI (tools/interop).
/// </summary>
public static class ApiDocumentExtensions
{
    public const string DocumentName = "v1";

    public static IServiceCollection AddLingjingOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options =>
        {
            options.AddDocumentTransformer<DocumentDescription>();
            options.AddOperationTransformer<OperationContract>();
            options.AddSchemaTransformer<SchemaTypes>();
        });
}
