namespace Lingjing.Server.Features.Collaboration;

/// <summary>Collaboration between enterprises: needs and offers in the industry chain of the cultural industries.</summary>
public static class CollaborationExtensions
{
    public static WebApplicationBuilder AddCollaboration(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<NeedService>();
        builder.Services.AddScoped<OfferService>();
        return builder;
    }

    public static WebApplication MapCollaboration(this WebApplication app)
    {
        app.MapCollaborationApi();
        return app;
    }
}
