using Lingjing.Server.Features.Twins.Graph;
using Lingjing.Server.Features.Twins.Models;
using Lingjing.Server.Infrastructure;
using Lingjing.Server.Infrastructure.Data.Bulk;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Lingjing.Server.Features.Twins;

/// <summary>Digital twins and telemetry: models, the twin graph, devices, ingest, rollups, alarms.</summary>
public static class TwinsExtensions
{
    public static WebApplicationBuilder AddTwins(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton<BulkWriter>();
        services.AddSingleton<TwinModelCatalog>();
        services.AddScoped<IDataInitializer, TwinModelLoader>();
        services.AddScoped<IDataInitializer, TwinDemoSeeder>();
        services.AddScoped<TwinGraphService>();
        return builder;
    }

    public static WebApplication MapTwins(this WebApplication app)
    {
        app.MapTwinModelsApi();
        app.MapTwinsApi();
        return app;
    }
}
