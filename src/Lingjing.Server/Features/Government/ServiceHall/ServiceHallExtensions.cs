using Lingjing.Server.Infrastructure;
using Lingjing.Server.Features.World;
using Lingjing.Server.Infrastructure.Realtime;

namespace Lingjing.Server.Features.Government.ServiceHall;

/// <summary>The government's service hall: desks, officials, numbers, their live streams and the demo hall.</summary>
public static class ServiceHallExtensions
{
    public static WebApplicationBuilder AddServiceHall(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ServiceHallService>();
        builder.Services.AddScoped<AppointmentRooms>();
        builder.Services.AddScoped<ServiceFigures>();
        builder.Services.AddSingleton<ServiceHallTurn>();
        builder.Services.AddSingleton<ServiceHallFeed>();
        builder.Services.AddSingleton<ServiceHallStream>();
        builder.Services.AddSingleton<LiveBroadcast<ServiceHallSignal>>();
        builder.Services.AddScoped<IDataInitializer, Demo.DemoServiceHallSeeder>();
        builder.Services.AddScoped<ServiceHallWorldSource>();
        builder.Services.AddScoped<IWorldSource>(services => services.GetRequiredService<ServiceHallWorldSource>());
        return builder;
    }
}
