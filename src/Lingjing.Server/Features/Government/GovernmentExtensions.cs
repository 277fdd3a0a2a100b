using Lingjing.Server.Features.Government.Consultations;
using Lingjing.Server.Features.Government.Notices;

namespace Lingjing.Server.Features.Government;

/// <summary>The government's notices to the zone's enterprises and its public consultations on drafts.</summary>
public static class GovernmentExtensions
{
    public static WebApplicationBuilder AddGovernmentNotices(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<NoticeService>();
        builder.Services.AddScoped<ConsultationService>();
        return builder;
    }

    public static WebApplication MapGovernmentNotices(this WebApplication app)
    {
        app.MapGovernmentApi();
        app.MapGovernmentForms();
        return app;
    }
}
