namespace Lingjing.Server.Infrastructure.Web;

/// <summary>Headers on every response that tell browsers what the site may do: a Content-Security-Policy
/// without inline or evaluated script, no MIME sniffing, no framing by other sites, a referrer that stays
/// on the site, and HSTS when the site is reached over https.</summary>
public static class SecurityHeaders
{
    /// <summary>Scripts only from the site's own files (blazor.web.js, dist/*.js): no inline script, no eval.
    /// Styles allow 'unsafe-inline' because pages set widths and colours in style attributes and Babylon's
    /// WebXR button and audio unmute button insert style elements; CSS cannot run script in current browsers.
    /// blob: workers and images are Babylon's texture and decoder paths; connect-src names ws/wss of the
    /// page's own host because older browsers do not read 'self' as covering WebSockets.</summary>
    public static string ContentSecurityPolicy(HttpRequest request)
    {
        var host = request.Host.Value;
        return "default-src 'self'; " +
               "script-src 'self'; " +
               "style-src 'self' 'unsafe-inline'; " +
               "img-src 'self' data: blob:; " +
               "font-src 'self' data:; " +
               $"connect-src 'self' ws://{host} wss://{host}; " +
               "worker-src 'self' blob:; " +
               "media-src 'self' blob:; " +
               "object-src 'none'; " +
               "base-uri 'self'; " +
               "form-action 'self'; " +
               "frame-ancestors 'none'";
    }

    public static IApplicationBuilder UseLingjingSecurityHeaders(this IApplicationBuilder app)
    {
        var publicBase = app.ApplicationServices.GetRequiredService<PublicBaseUrl>();
        return app.Use((context, next) =>
        {
            // OnStarting: the exception handler and status-code pages clear or rewrite headers after this runs.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy(context.Request);
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                if (context.Request.IsHttps || publicBase.IsHttps)
                    headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}
