namespace Lingjing.Server.Features.EnterpriseFacts;

/// <summary>Verified facts: provenance and history of the enterprise facts that decide money, and the
/// review of the enterprise's declared changes.</summary>
public static class EnterpriseFactsExtensions
{
    public static WebApplicationBuilder AddEnterpriseFacts(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<EnterpriseFactService>();
        builder.Services.AddScoped<FactReviewService>();
        return builder;
    }

    public static WebApplication MapEnterpriseFacts(this WebApplication app)
    {
        app.MapFactsApi();
        return app;
    }
}
