using Lingjing.Server.Infrastructure.Cluster;
using Lingjing.World.Media;
using Npgsql;

namespace Lingjing.Server.Features.World.Media.Janus;

public static class JanusServices
{
    /// <summary>Forwarded groups go through the Janus at <see cref="MediaOptions.Janus"/>; the world node picks up the forwarder.</summary>
    public static IServiceCollection AddJanusForwarder(this IServiceCollection services, MediaOptions media, IConfiguration configuration)
    {
        services.AddSingleton(new JanusRoomNaming(ClusterRoomKey(media, configuration)));
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

    /// <summary>In a cluster, what every node derives its rooms' numbers and secrets from, so they find the same rooms:
    /// Janus's secret (known only to the nodes) and the cluster's name and database (two deployments on one Janus never
    /// meet). Alone, null: rooms are numbered at random.</summary>
    private static string? ClusterRoomKey(MediaOptions media, IConfiguration configuration)
    {
        if (!ClusterExtensions.IsClustered(configuration)) return null;
        var database = new NpgsqlConnectionStringBuilder(configuration.GetConnectionString("Postgres"));
        var cluster = configuration.GetSection(ClusterSettings.Section).Get<ClusterSettings>() ?? new ClusterSettings();
        return string.Join('\n', media.JanusApiSecret ?? "", media.JanusAdminKey ?? "", cluster.ClusterId, database.Host, database.Port, database.Database);
    }
}

/// <param name="ClusterKey">See <see cref="JanusRooms"/>: null alone, where rooms are numbered at random.</param>
public sealed record JanusRoomNaming(string? ClusterKey);
