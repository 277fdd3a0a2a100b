namespace Lingjing.Server.Features.World;

/// <summary>The browser world: scene API, building models, meeting rooms and the /world pages.</summary>
public static class WorldExtensions
{
    public static WebApplicationBuilder AddWorld(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<WorldSceneBuilder>();
        builder.Services.AddSingleton<WorldScenes>();
        builder.Services.AddSingleton<BuildingModelStore>();
        builder.Services.AddScoped<Meetings.MeetingRooms>();
        builder.Services.AddSingleton<Meetings.MeetingLinks>();
        builder.Services.AddSingleton<MeetingInvitations>();
        return builder;
    }

    public static WebApplication MapWorld(this WebApplication app)
    {
        app.MapWorldSceneApi();
        app.MapBuildingModelApi();
        Meetings.MeetingApi.MapMeetingApi(app);
        return app;
    }
}
