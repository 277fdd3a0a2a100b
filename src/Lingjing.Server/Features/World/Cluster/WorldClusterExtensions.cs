using Lingjing.Server.Infrastructure.Cluster;
using Lingjing.World.Bus;
using Orleans.Runtime;

namespace Lingjing.Server.Features.World.Cluster;

public static class WorldClusterExtensions
{
    /// <summary>The grain storage that keeps worlds' owners' state (schema script <c>0702_orleans_grain_state.sql</c>).</summary>
    public const string StorageName = "worlds";

    /// <summary>Alone, worlds live in this process on the in-process bus. In a cluster, every node opens every world and
    /// relays through the world's owner grain.</summary>
    public static WebApplicationBuilder AddWorldBus(this WebApplicationBuilder builder)
    {
        var postgres = builder.Configuration.GetConnectionString("Postgres");
        if (!ClusterExtensions.IsClustered(builder.Configuration))
        {
            builder.Services.AddSingleton(WorldNodeIdentity.Alone);
            builder.Services.AddSingleton<IWorldBus, InProcessWorldBus>();
            return builder;
        }
        builder.Services.AddAdoNetGrainStorage(StorageName, options =>
            options.Configure(o => (o.Invariant, o.ConnectionString) = (ClusterExtensions.NpgsqlInvariant, ClusterExtensions.InOrleansSchema(postgres!))));
        builder.Services.AddSingleton(services => new WorldNodeIdentity(
            services.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToParsableString(),
            // 1 to 255 in turn: a node gets the index of a node that started 255 starts before it, long gone.
            (byte)(services.GetRequiredService<NodeSerial>().Value % 255 + 1)));
        builder.Services.AddSingleton<ClusterWorldBus>();
        builder.Services.AddSingleton<IWorldBus>(services => services.GetRequiredService<ClusterWorldBus>());
        builder.Services.AddHostedService(services => services.GetRequiredService<ClusterWorldBus>());
        return builder;
    }
}
