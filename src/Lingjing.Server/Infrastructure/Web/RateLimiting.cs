using System.Globalization;
using System.Threading.RateLimiting;
using Lingjing.Server.Infrastructure.Options;
using Microsoft.AspNetCore.RateLimiting;

namespace Lingjing.Server.Infrastructure.Web;

/// <summary>ASP.NET Core's rate limiter, applied centrally: every write (POST, PUT, PATCH, DELETE) and
/// the expensive reads named below, each per signed-in user, or per client address when nobody is
/// signed in (a device sending telemetry: per device). Over the limit: 429 problem details with
/// Retry-After. Endpoints with their own throttle opt out with <c>DisableRateLimiting()</c>.</summary>
public static class RateLimiting
{
    /// <summary>Route patterns of the reads that cost the server most: directory search, telemetry
    /// history, calendar exports, joining a world and ranking partners.</summary>
    public static readonly IReadOnlySet<string> ExpensiveReads = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "/api/v1/enterprises",
        "/api/v1/parks",
        "/api/v1/institutions",
        "/api/v1/spaces",
        "/api/v1/twins/{id}/history",
        "/api/v1/me/bookings.ics",
        "/api/v1/bookings/{id:guid}/booking.ics",
        "/api/v1/spaces/{spaceId:int}/calendar.ics",
        "/world/ws",
        "/api/v1/collaboration/needs/{id:int}/matches",
        "/api/v1/collaboration/feed",
    };

    /// <summary>Called only by the local RabbitMQ (loopback-only) for every device connection; limiting
    /// it would refuse devices, not attackers.</summary>
    private static readonly string[] ExemptPrefixes = ["/api/v1/broker/auth", "/_blazor"];

    public static WebApplicationBuilder AddLingjingRateLimits(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(RateLimitSettings.Section);
        builder.Services.AddCheckedOptions<RateLimitSettings, RateLimitSettingsValidator>(section);
        var settings = section.Get<RateLimitSettings>() ?? new RateLimitSettings();
        if (!settings.Enabled) return builder;
        // The container owns the limiter, so stopping the host disposes it and stops its replenishing timer: the
        // middleware never disposes a GlobalLimiter, and the running timer kept each stopped server (test servers by
        // the hundred) alive through the execution context it captured.
        builder.Services.AddSingleton(_ => PartitionedRateLimiter.Create<HttpContext, string>(http => Kind(http) switch
        {
            "write" => Window("write:" + Caller(http), settings.Writes),
            "read" => Window("read:" + Caller(http), settings.ExpensiveReads),
            _ => RateLimitPartition.GetNoLimiter(""),
        }));
        builder.Services.AddOptions<RateLimiterOptions>()
            .Configure<PartitionedRateLimiter<HttpContext>>((options, limiter) => options.GlobalLimiter = limiter);
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, ct) => RejectAsync(context, settings, ct);
        });
        return builder;
    }

    public static WebApplication UseLingjingRateLimits(this WebApplication app)
    {
        if (app.Configuration.GetSection(RateLimitSettings.Section).Get<RateLimitSettings>()?.Enabled ?? true)
            app.UseRateLimiter();
        return app;
    }

    /// <summary>Whether the limiter counts requests to this endpoint (for the API document's 429 answers).</summary>
    public static bool AppliesTo(string method, string routePattern, IEnumerable<object> metadata)
    {
        if (metadata.OfType<DisableRateLimitingAttribute>().Any()) return false;
        var path = new PathString(Normalize(routePattern));
        if (ExemptPrefixes.Any(prefix => path.StartsWithSegments(prefix))) return false;
        if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method)) return true;
        var pattern = RoutePatterns.Plain(routePattern);
        return ExpensiveReads.Any(read => string.Equals(RoutePatterns.Plain(read), pattern, StringComparison.OrdinalIgnoreCase));
    }

    private static string? Kind(HttpContext http)
    {
        var path = http.Request.Path;
        foreach (var prefix in ExemptPrefixes)
            if (path.StartsWithSegments(prefix)) return null;
        var method = http.Request.Method;
        if (HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method))
            return "write";
        return http.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } pattern } && ExpensiveReads.Contains(Normalize(pattern)) ? "read" : null;
    }

    private static string Normalize(string pattern) => pattern.StartsWith('/') ? pattern : "/" + pattern;

    private static string Caller(HttpContext http)
    {
        if (http.User.Identity?.IsAuthenticated == true && http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value is { } user)
            return "user:" + user;
        if (http.Request.Headers.Authorization.ToString().StartsWith("Device ", StringComparison.OrdinalIgnoreCase)
            && http.Request.RouteValues.TryGetValue("id", out var device))
            return "device:" + device;
        return "address:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
    }

    private static RateLimitPartition<string> Window(string key, RateLimitRule rule) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = rule.PermitLimit,
            Window = TimeSpan.FromSeconds(rule.WindowSeconds),
            QueueLimit = 0,
        });

    private static async ValueTask RejectAsync(OnRejectedContext context, RateLimitSettings settings, CancellationToken ct)
    {
        var http = context.HttpContext;
        var rule = Kind(http) == "read" ? settings.ExpensiveReads : settings.Writes;
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(rule.WindowSeconds);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"At most {rule.PermitLimit} such requests per {rule.WindowSeconds} seconds are allowed. Try again in {seconds} seconds.",
            },
        });
    }
}
