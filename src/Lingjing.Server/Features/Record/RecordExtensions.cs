using Lingjing.Server.Infrastructure.Caching;
using Lingjing.Server.Infrastructure.Jobs;
using Lingjing.Server.Infrastructure.Options;

namespace Lingjing.Server.Features.Record;

/// <summary>The decision record: a hash chain signed by the server's key of every decision that matters, its head
/// published at intervals, checked and exported for the government, verifiable offline.</summary>
public static class RecordExtensions
{
    public static WebApplicationBuilder AddDecisionRecord(this WebApplicationBuilder builder)
    {
        builder.Services.AddCheckedOptions<RecordOptions, RecordOptionsValidator>(builder.Configuration.GetSection(RecordOptions.Section));
        builder.Services.AddSingleton<RecordKey>();
        builder.Services.AddSingleton<RecordSealer>();
        builder.Services.AddSingleton<ITableChangeListener>(services => services.GetRequiredService<RecordSealer>());
        builder.Services.AddRecurringJob<RecordSealJob>();
        builder.Services.AddRecurringJob<RecordHeadJob>();
        builder.Services.AddScoped<RecordState>();
        return builder;
    }

    public static WebApplication MapDecisionRecord(this WebApplication app)
    {
        app.MapRecordApi();
        return app;
    }
}
