using Lingjing.Server.Features.Collaboration.Matching;
using Lingjing.Server.Infrastructure.Options;

namespace Lingjing.Server.Features.Collaboration;

/// <summary>Collaboration between enterprises: needs and offers in the industry chain of the cultural industries, and the
/// explained matching of needs with enterprises and offers.</summary>
public static class CollaborationExtensions
{
    public static WebApplicationBuilder AddCollaboration(this WebApplicationBuilder builder)
    {
        builder.Services.AddCheckedOptions<CollaborationOptions, CollaborationOptionsValidator>(builder.Configuration.GetSection(CollaborationOptions.Section));
        builder.Services.AddScoped<PublishQuota>();
        builder.Services.AddScoped<NeedService>();
        builder.Services.AddScoped<OfferService>();
        builder.Services.AddScoped<AgreementService>();
        builder.Services.AddSingleton<WordSplitter>();
        builder.Services.AddSingleton<CandidateIndexCache>();
        builder.Services.AddScoped<NeedMatching>();
        builder.Services.AddSingleton<OpenNeedIndexCache>();
        builder.Services.AddSingleton<NeedFeed>();
        return builder;
    }

    public static WebApplication MapCollaboration(this WebApplication app)
    {
        app.MapCollaborationApi();
        return app;
    }
}
