using Lingjing.Server.Features.EnterpriseFacts;
using Lingjing.Server.Features.PolicyServices.Applications;
using Lingjing.Server.Features.PolicyServices.Demo;
using Lingjing.Server.Features.PolicyServices.Matching;
using Lingjing.Server.Features.PolicyServices.Matters;
using Lingjing.Server.Infrastructure;
using Lingjing.Server.Infrastructure.Jobs;
using Lingjing.Server.Infrastructure.Options;

namespace Lingjing.Server.Features.PolicyServices;

public static class PoliciesExtensions
{
    public static WebApplicationBuilder AddPolicyServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCheckedOptions<PolicyOptions, PolicyOptionsValidator>(builder.Configuration.GetSection(PolicyOptions.Section));
        services.AddSingleton<ProfileSnapshotCache>();
        services.AddSingleton<CompiledRuleCache>();
        services.AddSingleton<PolicyCalendar>();
        services.AddScoped<ProfileLoader>();
        services.AddScoped<PolicyRematcher>();
        services.AddSingleton<PolicyMatchingGate>();
        services.AddScoped<EnterpriseRedecider>();
        services.AddScoped<IVerifiedFactsListener>(sp => sp.GetRequiredService<EnterpriseRedecider>());
        services.AddScoped<PolicyPush>();
        services.AddScoped<PolicyService>();
        services.AddScoped<PolicyAnalytics>();
        services.AddScoped<PublicCatalogue>();
        services.AddScoped<ApplicationService>();
        services.AddScoped<IDataInitializer, DemoPolicySeeder>();
        // The catalogue of matters, applied for through the same engine, and the certificates their approvals issue.
        services.AddScoped<MatterCatalogue>();
        services.AddScoped<MatterEditor>();
        services.AddScoped<MatterDeadlines>();
        services.AddSingleton<Certificates.CertificateIssuer>();
        services.AddScoped<Certificates.CertificateVerifier>();
        services.AddScoped<Certificates.CertificateRegister>();
        services.AddScoped<IDataInitializer, DemoMatterSeeder>();
        services.AddRecurringJob<PolicyRematchScheduler>();
        return builder;
    }

    public static WebApplication MapPolicyServices(this WebApplication app)
    {
        app.MapPoliciesApi();
        app.MapPublicCatalogueApi();
        app.MapMatterApi();
        return app;
    }
}
