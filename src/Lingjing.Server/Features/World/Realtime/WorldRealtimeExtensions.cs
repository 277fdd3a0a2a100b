using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.World.Cluster;
using Lingjing.Server.Features.World.Guests;
using Lingjing.Server.Features.World.Media;
using Lingjing.Server.Features.World.Media.Janus;
using Lingjing.Server.Infrastructure.Options;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.World.Realtime;

public static class WorldRealtimeExtensions
{
    /// <summary>The realtime world: one world node per process, options under <c>Lingjing:World</c>.</summary>
    public static WebApplicationBuilder AddWorldRealtime(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(WorldRealtimeOptions.Section);
        builder.Services.AddCheckedOptions<WorldRealtimeOptions, WorldRealtimeOptionsValidator>(section);
        var mediaSection = builder.Configuration.GetSection(MediaOptions.Section);
        builder.Services.AddCheckedOptions<MediaOptions, MediaOptionsValidator>(mediaSection);
        if (mediaSection.Get<MediaOptions>() is { Janus.Length: > 0 } media) builder.Services.AddJanusForwarder(media, builder.Configuration);
        builder.AddWorldBus();
        builder.Services.AddSingleton<WorldHost>();
        builder.Services.AddSingleton<WorldStage>();
        builder.Services.AddSingleton<WorldPlacements>();
        builder.Services.AddSingleton<WorldConnections>();
        builder.Services.AddHostedService(services => services.GetRequiredService<WorldHost>());
        builder.Services.AddScoped<AvatarLookStore>();
        builder.Services.AddScoped<AvatarModelStore>();
        builder.Services.AddScoped<WorldAdmission>();
        builder.Services.AddScoped<WorldGuestList>();
        builder.Services.AddSingleton<WorldCloseLog>();
        var options = section.Get<WorldRealtimeOptions>() ?? new WorldRealtimeOptions();
        // Thousands of clients connecting at once overflow the default listen backlog (512).
        builder.WebHost.UseSockets(sockets => sockets.Backlog = options.ListenBacklog);
        return builder;
    }

    public static WebApplication MapWorldRealtime(this WebApplication app)
    {
        // Before the WebSocket middleware: it must wrap the stream the upgrade hands over.
        // The largest frame of the protocol: a media signal carrying a session description.
        var maxFrameBytes = app.Services.GetRequiredService<WorldHost>().Node.Options.MaxSignalFrameBytes;
        app.UseWhen(http => http.Request.Path.Equals("/world/ws", StringComparison.Ordinal),
            branch => branch.Use((http, next) => WorldFrameGuardFeature.Install(http, next, maxFrameBytes)));
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.Map("/world/ws", WorldSocketEndpoint.HandleAsync)
            .RequireAuthorization(Policies.SignedIn)
            .ExcludeFromDescription();
        app.MapGet("/world/stats", WorldStatsEndpoint.Get).AllowAnonymous().ExcludeFromDescription();
        app.MapGroup("/api/v1/me/avatar").WithTags("World").RequireAuthorization(Policies.SignedIn).MapAvatarApi();
        app.MapAvatarModelApi();
        app.MapGroup("/api/v1/world/parks").WithTags("World").RequireAuthorization(Policies.ParkOperator).MapWorldModerationApi().MapWorldGuestApi();
        app.MapGroup("/api/v1/world/bans").WithTags("World").RequireAuthorization(Policies.Government).MapZoneBanApi();
        return app;
    }
}
