using Lingjing.Server.Features.Terminals.Enterprises;
using Lingjing.Server.Features.Terminals.Me;
using Lingjing.Server.Features.Terminals.Parks;

namespace Lingjing.Server.Features.Terminals;

/// <summary>The four terminals (/gov, /park, /enterprise, /me): their services and APIs. The pages
/// live in Features/Terminals/Pages and are mapped with the rest of the portal.</summary>
public static class TerminalsExtensions
{
    public static WebApplicationBuilder AddTerminals(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<UserProfileService>();
        builder.Services.AddScoped<EnterpriseProfileService>();
        builder.Services.AddScoped<ParkOverviewService>();
        return builder;
    }

    public static WebApplication MapTerminals(this WebApplication app)
    {
        app.MapMeApi();
        app.MapEnterpriseProfileApi();
        app.MapParkOverviewApi();
        return app;
    }
}
