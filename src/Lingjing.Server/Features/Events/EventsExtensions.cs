using Lingjing.Server.Features.Events.Presence;
using Lingjing.Server.Features.Events.Expo;
using Lingjing.Server.Features.Events.Hall;
using Lingjing.Server.Features.Events.Stage;
using Lingjing.Server.Features.World;
using Lingjing.Server.Features.Events.Interaction;
using Lingjing.Server.Infrastructure.Realtime;
using Lingjing.Server.Features.Events.Demo;
using Lingjing.Server.Infrastructure;
using Lingjing.Server.Infrastructure.Jobs;
using Lingjing.Server.Infrastructure.Options;

namespace Lingjing.Server.Features.Events;

/// <summary>Events of the zone: organising them (with an agenda, online in the world and optionally in a booked
/// space), the public list and pages, registration with capacity, tickets checked in at the door, calendars.</summary>
public static class EventsExtensions
{
    public static WebApplicationBuilder AddEvents(this WebApplicationBuilder builder)
    {
        builder.Services.AddCheckedOptions<EventOptions, EventOptionsValidator>(builder.Configuration.GetSection(EventOptions.Section));
        builder.Services.AddScoped<EventService>();
        builder.Services.AddScoped<EventNotices>();
        builder.Services.AddRecurringJob<EventReminders>();
        builder.Services.AddScoped<EventRegistrations>();
        builder.Services.AddScoped<EventOrganisers>();
        builder.Services.AddScoped<EventReport>();
        builder.Services.AddScoped<ExpoService>();
        builder.Services.AddScoped<EventFloorService>();
        builder.Services.AddSingleton<LiveBroadcast<EventSignal>>();
        builder.Services.AddSingleton<EventFloorFeed>();
        builder.Services.AddSingleton<EventFloorStream>();
        builder.Services.AddScoped<EventStageService>();
        builder.Services.AddScoped<EventChatService>();
        builder.Services.AddSingleton<EventReactions>();
        builder.Services.AddHostedService<HallStageSync>();
        builder.Services.AddScoped<HallWorldSource>();
        builder.Services.AddSingleton<HallPlacement>();
        builder.Services.AddScoped<SessionRatings>();
        builder.Services.AddSingleton<HallPresence>();
        builder.Services.AddHostedService(services => services.GetRequiredService<HallPresence>());
        builder.Services.AddScoped<IWorldSource>(services => services.GetRequiredService<HallWorldSource>());
        builder.Services.AddScoped<ExpoWorldSource>();
        builder.Services.AddScoped<IWorldSource>(services => services.GetRequiredService<ExpoWorldSource>());
        builder.Services.AddScoped<IDataInitializer, DemoEventSeeder>();
        return builder;
    }

    public static WebApplication MapEvents(this WebApplication app)
    {
        app.MapEventsApi();
        app.MapEventForms();
        app.MapEventDeskForms();
        app.MapEventFloorForms();
        app.MapEventFloorApi();
        app.MapExpoApi();
        app.MapExpoForms();
        app.MapStageApi();
        app.MapHallApi();
        return app;
    }
}
