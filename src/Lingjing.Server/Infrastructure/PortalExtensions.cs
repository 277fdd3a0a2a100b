using Lingjing.Server.Components;

namespace Lingjing.Server.Infrastructure;

public static class PortalExtensions
{
    /// <summary>The Blazor portal: every page component in this assembly.</summary>
    public static WebApplication MapLingjingPortal(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
