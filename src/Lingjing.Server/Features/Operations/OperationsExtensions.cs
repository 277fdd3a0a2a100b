namespace Lingjing.Server.Features.Operations;

/// <summary>The government's view of the running platform: background jobs (and, later, the cluster's nodes).</summary>
public static class OperationsExtensions
{
    public static WebApplication MapOperations(this WebApplication app) => app.MapOperationsApi();
}
