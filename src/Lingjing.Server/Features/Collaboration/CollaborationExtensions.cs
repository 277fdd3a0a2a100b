using Lingjing.Server.Features.Collaboration.Analytics;
using Lingjing.Server.Features.Collaboration.Conversations;
using Lingjing.Server.Features.Collaboration.Demo;
using Lingjing.Server.Features.Collaboration.Matching;
using Lingjing.Server.Features.Collaboration.Moderation;
using Lingjing.Server.Infrastructure;
using Lingjing.Server.Infrastructure.Options;
using Lingjing.Server.Infrastructure.Realtime;

namespace Lingjing.Server.Features.Collaboration;

/// <summary>Collaboration between enterprises and service institutions: needs and offers in the industry chain of the
/// cultural industries, the explained matching of needs with enterprises, institutions and offers, agreements and their
/// ratings; the demo zone's collaboration on first start.</summary>
public static class CollaborationExtensions
{
    public static WebApplicationBuilder AddCollaboration(this WebApplicationBuilder builder)
    {
        builder.Services.AddCheckedOptions<CollaborationOptions, CollaborationOptionsValidator>(builder.Configuration.GetSection(CollaborationOptions.Section));
        builder.Services.AddScoped<PublishQuota>();
        builder.Services.AddScoped<NeedService>();
        builder.Services.AddScoped<OfferService>();
        builder.Services.AddScoped<AgreementService>();
        builder.Services.AddScoped<PartyDirectory>();
        builder.Services.AddSingleton<LiveBroadcast<ConversationSignal>>();
        builder.Services.AddScoped<ConversationPost>();
        builder.Services.AddScoped<ConversationService>();
        builder.Services.AddScoped<ContactRuleService>();
        builder.Services.AddScoped<Suspensions>();
        builder.Services.AddScoped<ModerationService>();
        builder.Services.AddScoped<ConversationMeetings>();
        builder.Services.AddSingleton<MessageViews>();
        builder.Services.AddSingleton<ConversationStream>();
        builder.Services.AddScoped<CollaborationAnalytics>();
        builder.Services.AddSingleton<WordSplitter>();
        builder.Services.AddSingleton<CandidateIndexCache>();
        builder.Services.AddScoped<NeedMatching>();
        builder.Services.AddSingleton<OpenNeedIndexCache>();
        builder.Services.AddSingleton<NeedFeed>();
        builder.Services.AddHostedService<MatchingIndexWarmer>();
        builder.Services.AddScoped<IDataInitializer, DemoCollaborationSeeder>();
        return builder;
    }

    public static WebApplication MapCollaboration(this WebApplication app)
    {
        app.MapCollaborationApi();
        app.MapCollaborationAnalyticsApi();
        app.MapModerationApi();
        return app;
    }
}
