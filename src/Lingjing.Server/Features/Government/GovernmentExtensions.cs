using Lingjing.Server.Features.Government.Certificates;
using Lingjing.Server.Features.Government.Consultations;
using Lingjing.Server.Features.Government.Matters;
using Lingjing.Server.Features.Government.ServiceHall;
using Lingjing.Server.Infrastructure;
using Lingjing.Server.Features.Government.Notices;

namespace Lingjing.Server.Features.Government;

/// <summary>The government's notices to the zone's enterprises, its public consultations on drafts, its catalogue of
/// matters and the certificates their approvals issue.</summary>
public static class GovernmentExtensions
{
    public static WebApplicationBuilder AddGovernmentNotices(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<NoticeService>();
        builder.Services.AddScoped<ConsultationService>();
        builder.Services.AddScoped<MatterCatalogue>();
        builder.Services.AddSingleton<CertificateIssuer>();
        builder.Services.AddScoped<CertificateVerifier>();
        builder.Services.AddScoped<CertificateRegister>();
        builder.Services.AddScoped<IDataInitializer, Demo.DemoMatterSeeder>();
        builder.AddServiceHall();
        return builder;
    }

    public static WebApplication MapGovernmentNotices(this WebApplication app)
    {
        app.MapGovernmentApi();
        app.MapMatterApi();
        app.MapServiceHallApi();
        app.MapGovernmentForms();
        return app;
    }
}
