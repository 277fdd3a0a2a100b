namespace Lingjing.Server.Features.Zone;

public static class ZoneExtensions
{
    public static WebApplicationBuilder AddZone(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ZoneStatistics>();
        return builder;
    }

    public static WebApplication MapZone(this WebApplication app)
    {
        app.MapZoneApi();
        return app;
    }
}
