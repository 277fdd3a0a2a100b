using Lingjing.World.Media;

namespace Lingjing.Server.Features.World.Media.Janus;

public static class JanusServices
{
    /// <summary>Forwarded groups go through the Janus at <see cref="MediaOptions.Janus"/>; the world node picks up the forwarder.</summary>
    public static IServiceCollection AddJanusForwarder(this IServiceCollection services, MediaOptions media)
    {
        var endpoint = new Uri(media.Janus!);
        // Longer than Janus's long poll (30 s), which holds a request open until it has events.
        services.AddHttpClient(nameof(JanusGateway), http => http.Timeout = TimeSpan.FromSeconds(75));
        services.AddSingleton(sp => new JanusGateway(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(JanusGateway)), endpoint, media.JanusApiSecret,
            sp.GetRequiredService<ILogger<JanusGateway>>()));
        services.AddSingleton<JanusForwarder>();
        services.AddSingleton<ISelectiveForwarder>(sp => sp.GetRequiredService<JanusForwarder>());
        services.AddHostedService<JanusConnector>();
        return services;
    }
}
