using Lingjing.Server.Infrastructure.Caching;
using Lingjing.Server.Infrastructure.Cluster;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Infrastructure.Jobs;
using Lingjing.Server.Infrastructure.Observability;
using Lingjing.Server.Infrastructure.OpenApi;
using Lingjing.Server.Infrastructure.Options;
using Lingjing.Server.Infrastructure.Time;
using Lingjing.Server.Infrastructure.Web;
using Lingjing.Server.Localization;
using Microsoft.AspNetCore.DataProtection;

namespace Lingjing.Server.Infrastructure;

/// <summary>Cross-cutting services every feature relies on: options, data, errors, localization,
/// OpenAPI, health, Blazor.</summary>
public static class PlatformExtensions
{
    public static WebApplicationBuilder AddLingjingPlatform(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(LingjingOptions.Section).Get<LingjingOptions>() ?? new LingjingOptions();
        builder.Services.AddCheckedOptions<LingjingOptions, LingjingOptionsValidator>(builder.Configuration.GetSection(LingjingOptions.Section));
        builder.AddLingjingClock();
        builder.AddLingjingCaching();
        builder.AddLingjingData();
        builder.AddLingjingCluster(); // before the features: the silo starts before their jobs ask it whose turn it is
        builder.Services.AddHealthChecks().AddCheck<JobsHealthCheck>("jobs");
        builder.AddLingjingObservability();

        Directory.CreateDirectory(options.FullDataDirectory);
        builder.Services.AddDataProtection()
            .SetApplicationName("Lingjing")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(options.FullDataDirectory, "keys")));

        builder.Services.AddSingleton<PublicBaseUrl>();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new NulFreeStringConverter()));
        builder.AddLingjingProblemDetails();
        builder.AddLingjingForwardedHeaders();
        builder.AddLingjingRateLimits();
        builder.AddLingjingLocalization();
        builder.Services.AddLingjingOpenApi();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddCascadingAuthenticationState();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 32 * 1024 * 1024);
        return builder;
    }

    /// <summary>Migrates the schema and runs every <see cref="IDataInitializer"/> (demo seeding among them).</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        app.Services.CheckSettings();
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync(app.Lifetime.ApplicationStopping);
        foreach (var initializer in scope.ServiceProvider.GetServices<IDataInitializer>().OrderBy(i => i.Order))
            await initializer.InitializeAsync(app.Lifetime.ApplicationStopping);
    }

    public static WebApplication UseLingjingPlatform(this WebApplication app)
    {
        app.UseForwardedHeaders(); // first: the scheme and client address behind a trusted proxy
        app.UseLingjingSecurityHeaders();
        app.UseLingjingProblemDetails();
        app.UseLingjingOriginCheck();
        app.UseLingjingRequestInputGuard();
        app.UseLingjingLocalization();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseLingjingRateLimits();
        app.UseOutputCache(); // after authorization: a cached answer is only given to whom the endpoint allows
        app.UseAntiforgery();

        app.MapOpenApi("/openapi/{documentName}.json");
        app.UseSwaggerUI(ui =>
        {
            ui.RoutePrefix = "api/docs";
            ui.SwaggerEndpoint("/openapi/v1.json", "Lingjing API v1");
            ui.DocumentTitle = "Lingjing API";
        });
        app.MapLingjingHealth();
        app.MapLingjingMetrics();
        return app;
    }
}
