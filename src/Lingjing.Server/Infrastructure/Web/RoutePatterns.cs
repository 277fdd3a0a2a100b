using System.Text.RegularExpressions;

namespace Lingjing.Server.Infrastructure.Web;

/// <summary>Route patterns compared as people write them: a leading slash, parameters without their constraints
/// (<c>/api/v1/bookings/{id:guid}</c> reads <c>/api/v1/bookings/{id}</c>), no trailing slash (a group's <c>"/"</c>).</summary>
public static partial class RoutePatterns
{
    public static string Plain(string pattern)
    {
        var plain = Constraint().Replace(pattern.StartsWith('/') ? pattern : "/" + pattern, "{$1}");
        return plain.Length > 1 ? plain.TrimEnd('/') : plain;
    }

    /// <summary>The plain pattern of the endpoint a request was routed to, or null for none.</summary>
    public static string? Of(HttpContext http) => http.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } raw } ? Plain(raw) : null;

    [GeneratedRegex(@"\{(\w+)(:[^}]*)?\}")]
    private static partial Regex Constraint();
}
