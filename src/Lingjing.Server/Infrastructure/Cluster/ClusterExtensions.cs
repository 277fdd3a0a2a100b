using System.Net;
using System.Net.Sockets;
using Lingjing.Server.Infrastructure.Data;
using Lingjing.Server.Infrastructure.Options;
using Orleans.Configuration;

namespace Lingjing.Server.Infrastructure.Cluster;

/// <summary>Makes the process an Orleans silo. Alone (the default) it is a one-silo cluster on loopback with its
/// membership in memory; with <c>--Lingjing:Cluster:Enabled=true</c> it joins the nodes of the same PostgreSQL database,
/// whose membership table (schema script <c>0701_orleans_cluster.sql</c>) Orleans' ADO.NET provider keeps.</summary>
public static class ClusterExtensions
{
    /// <summary>The ADO.NET name Orleans looks Npgsql up by.</summary>
    public const string NpgsqlInvariant = "Npgsql";

    /// <summary>True when this node joins a cluster: <c>Lingjing:Cluster:Enabled</c> with PostgreSQL configured.</summary>
    public static bool IsClustered(IConfiguration configuration) =>
        (configuration.GetSection(ClusterSettings.Section).Get<ClusterSettings>() ?? new ClusterSettings()).Enabled
        && !string.IsNullOrWhiteSpace(configuration.GetConnectionString("Postgres"));

    public static WebApplicationBuilder AddLingjingCluster(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(ClusterSettings.Section);
        builder.Services.AddCheckedOptions<ClusterSettings, ClusterSettingsValidator>(section);
        var settings = section.Get<ClusterSettings>() ?? new ClusterSettings();
        var postgres = builder.Configuration.GetConnectionString("Postgres");
        var clustered = IsClustered(builder.Configuration);

        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (settings.ClusterId, "lingjing"));
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                o.ProbeTimeout = TimeSpan.FromSeconds(settings.ProbeTimeoutSeconds);
                o.NumMissedProbesLimit = settings.MissedProbesLimit;
                // Alone there is nobody to watch or be watched by. Orleans runs its timers on the app's TimeProvider,
                // which tests move by hours at a time: with liveness on, a silo that sees its own heartbeat hours old
                // declares itself dead and stops the process.
                o.LivenessEnabled = clustered;
                if (!clustered) o.DefunctSiloCleanupPeriod = null;
            });
            if (clustered)
            {
                silo.ConfigureEndpoints(IPAddress.Parse(settings.AdvertisedAddress), settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: false);
                silo.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (NpgsqlInvariant, InOrleansSchema(postgres!)));
            }
            else
            {
                var port = settings.SiloPort > 0 ? settings.SiloPort : FreeLoopbackPort();
                silo.UseLocalhostClustering(port, settings.GatewayPort, null, "lingjing", settings.ClusterId);
            }
        });
        if (clustered)
        {
            System.Data.Common.DbProviderFactories.RegisterFactory(NpgsqlInvariant, Npgsql.NpgsqlFactory.Instance);
            // Alone there is nothing to place: every job runs here, without asking Orleans (whose timers run on the
            // app's clock, which tests move by hand).
            builder.Services.AddSingleton<Jobs.IJobPlacement, ClusterJobPlacement>();
            // Live pages hear what is published on any node; alone, a broadcast stays in the process.
            builder.Services.AddSingleton<ClusterLiveRelay>();
            builder.Services.AddSingleton<Realtime.ILiveRelay>(sp => sp.GetRequiredService<ClusterLiveRelay>());
            builder.Services.AddHostedService(sp => sp.GetRequiredService<ClusterLiveRelay>());
        }
        // Taken when first asked for, after the schema (which creates its sequence) is in place.
        builder.Services.AddSingleton(services => clustered ? NodeSerial.Next(services.GetRequiredService<DatabaseSettings>()) : NodeSerial.Alone);
        builder.Services.AddSingleton<ClusterNodes>();
        builder.Services.AddHealthChecks().AddCheck<ClusterHealthCheck>("cluster", tags: ["ready"]);
        return builder;
    }

    /// <summary>Orleans reads its statements from <c>OrleansQuery</c> unqualified: its connections look in the
    /// <c>orleans</c> schema first.</summary>
    public static string InOrleansSchema(string connectionString) =>
        new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { SearchPath = "orleans" }.ConnectionString;

    /// <summary>A port nobody listens on now. Alone, the silo's port matters to nobody but itself, and a fixed default
    /// would stop a second instance (or hundreds of test servers) from starting.</summary>
    private static int FreeLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
