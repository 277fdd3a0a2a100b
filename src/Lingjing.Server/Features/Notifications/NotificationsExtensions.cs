using Lingjing.Server.Infrastructure.Realtime;

namespace Lingjing.Server.Features.Notifications;

public static class NotificationsExtensions
{
    public static WebApplicationBuilder AddNotifications(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<Notifier>();
        builder.Services.AddScoped<NotificationCentre>();
        builder.Services.AddSingleton<LiveBroadcast<NotificationAudience>>();
        builder.Services.AddSingleton<UnreadStream>();
        return builder;
    }

    public static WebApplication MapNotifications(this WebApplication app)
    {
        app.MapNotificationsApi();
        return app;
    }
}
