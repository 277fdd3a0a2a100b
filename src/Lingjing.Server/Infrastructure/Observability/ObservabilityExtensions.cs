using System.Net;
using Lingjing.Server.Infrastructure.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Lingjing.Server.Infrastructure.Observability;

/// <summary>OpenTelemetry for the whole server: every meter named <c>Lingjing.*</c> (world tick and
/// sessions, bookings, ingest, jobs), ASP.NET Core and runtime metrics, exported as Prometheus text at
/// <c>/metrics</c>; traces of requests, and both over OTLP when an endpoint is configured.</summary>
public static class ObservabilityExtensions
{
    public const string MetricsPolicy = "metrics-readers";

    public static WebApplicationBuilder AddLingjingObservability(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(ObservabilityOptions.Section);
        builder.Services.AddCheckedOptions<ObservabilityOptions, ObservabilityOptionsValidator>(section);
        // Read now to configure the exporters; anything unparsable is skipped here and stops the start in the validator.
        var options = section.Get<ObservabilityOptions>() ?? new ObservabilityOptions();
        var networks = options.MetricsNetworks.Select(n => IPNetwork.TryParse(n, out var network) ? network : (IPNetwork?)null).OfType<IPNetwork>().ToList();
        var otlp = ObservabilityOptionsValidator.OtlpUri(options.OtlpEndpoint);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("lingjing"))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter("Lingjing.*").AddAspNetCoreInstrumentation().AddRuntimeInstrumentation().AddPrometheusExporter();
                if (otlp is not null) metrics.AddOtlpExporter(o => o.Endpoint = otlp);
            })
            .WithTracing(tracing =>
            {
                tracing.AddSource("Lingjing.*").AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/metrics"));
                if (otlp is not null) tracing.AddOtlpExporter(o => o.Endpoint = otlp);
            });
        builder.Services.AddAuthorizationBuilder().AddPolicy(MetricsPolicy, policy => policy.RequireAssertion(context =>
        {
            if (context.Resource is not HttpContext http) return false;
            var address = http.Connection.RemoteIpAddress;
            if (address is not null && (IPAddress.IsLoopback(address) || networks.Any(n => n.Contains(address)))) return true;
            return context.User.IsInRole("Government");
        }));
        return builder;
    }

    public static WebApplication MapLingjingMetrics(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint("/metrics").RequireAuthorization(MetricsPolicy);
        return app;
    }
}
