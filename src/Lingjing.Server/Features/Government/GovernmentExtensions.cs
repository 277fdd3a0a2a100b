using Lingjing.Server.Features.Government.Consultations;
using Lingjing.Server.Features.Government.Notices;
using Lingjing.Server.Features.Government.ServiceHall;

namespace Lingjing.Server.Features.Government;

/// <summary>The government's notices to the zone's enterprises, its public consultations on drafts and its service
/// hall.</summary>
public static class GovernmentExtensions
{
    public static WebApplicationBuilder AddGovernmentNotices(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<NoticeService>();
        builder.Services.AddScoped<ConsultationService>();
        builder.AddServiceHall();
        return builder;
    }

    public static WebApplication MapGovernmentNotices(this WebApplication app)
    {
        app.MapGovernmentApi();
        app.MapServiceHallApi();
        app.MapGovernmentForms();
        return app;
    }
}
