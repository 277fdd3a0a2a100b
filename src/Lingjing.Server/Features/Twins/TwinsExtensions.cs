using Lingjing.Server.Infrastructure.Jobs;
using Lingjing.Server.Infrastructure.Options;
using Lingjing.Server.Features.Twins.Alarms;
using Lingjing.Server.Features.Twins.Devices;
using Lingjing.Server.Features.Twins.Graph;
using Lingjing.Server.Features.Twins.Ingest;
using Lingjing.Server.Features.Twins.Models;
using Lingjing.Server.Features.Twins.Mqtt;
using Lingjing.Server.Features.Twins.Oee;
using Lingjing.Server.Features.Twins.Simulation;
using Lingjing.Server.Infrastructure;
using Lingjing.Server.Infrastructure.Data.Bulk;
using Lingjing.Server.Infrastructure.Realtime;
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
        services.AddCheckedOptions<TelemetryOptions, TelemetryOptionsValidator>(builder.Configuration.GetSection(TelemetryOptions.Section));
        services.AddSingleton<DeviceRegistry>();
        services.AddScoped<DeviceService>();
        services.AddSingleton<TelemetryQueue>();
        services.AddSingleton<SeriesRegistry>();
        services.AddSingleton<LatestValues>();
        services.AddSingleton<IngestService>();
        services.AddScoped<TelemetryQueries>();
        services.AddScoped<OeeCalculator>();
        services.AddScoped<IDataInitializer, TelemetryStartup>();
        services.AddSingleton<TelemetryWriter>();
        services.AddSingleton<IngestMetrics>();
        services.AddHostedService(sp => sp.GetRequiredService<TelemetryWriter>());
        services.AddSingleton<AlarmEngine>();
        services.AddSingleton<ITelemetryObserver>(sp => sp.GetRequiredService<AlarmEngine>());
        services.AddScoped<AlarmService>();
        services.AddScoped<AlarmRuleService>();
        services.AddScoped<AlarmRuleValidator>();
        services.AddSingleton<AlarmWording>();
        services.AddSingleton<LiveBroadcast<AlarmChange>>();
        services.AddSingleton<AlarmStream>();
        services.AddScoped<IDataInitializer, AlarmStartup>();
        services.AddHostedService<AlarmRecorder>();
        services.AddRecurringJob<AlarmNoDataJob>();
        services.AddRecurringJob<DemoDevices>();
        services.AddSingleton<MqttTelemetryConsumer>();
        services.AddHostedService(sp => sp.GetRequiredService<MqttTelemetryConsumer>());
        services.AddSingleton<TelemetryMaintenance>();
        services.AddRecurringJob<TelemetryRollupJob>();
        services.AddRecurringJob<TelemetryLatestFlushJob>();
        services.AddRecurringJob<TelemetryRetentionJob>();
        return builder;
    }

    public static WebApplication MapTwins(this WebApplication app)
    {
        app.Services.GetRequiredService<IngestMetrics>(); // its observable instruments exist once it does
        app.MapTwinModelsApi();
        app.MapTwinsApi();
        app.MapDevicesApi();
        app.MapTelemetryApi();
        app.MapAlarmsApi();
        app.MapOeeApi();
        app.MapBrokerAuthApi();
        app.MapWorldTwinsApi();
        return app;
    }
}
