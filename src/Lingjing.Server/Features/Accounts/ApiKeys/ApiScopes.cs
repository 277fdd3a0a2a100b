namespace Lingjing.Server.Features.Accounts.ApiKeys;

/// <summary>
/// What a key may be used for. Each scope opens a set of API routes (by their pattern's start) for some methods; a key
/// reaches only the routes one of its scopes opens, and never the pages, its own keys or sessions. Within those routes
/// it has its creator's rights, no more.
/// </summary>
public static class ApiScopes
{
    public sealed record Scope(string Code, string NameEn, string NameZh, bool Writes, IReadOnlyList<string> Routes);

    public static readonly IReadOnlyList<Scope> All =
    [
        new("directory:read", "Read the directory", "读取名录", false,
            ["/api/v1/enterprises", "/api/v1/parks", "/api/v1/institutions", "/api/v1/spaces", "/api/v1/zone"]),
        new("bookings:read", "Read bookings", "读取预约", false,
            ["/api/v1/me/bookings", "/api/v1/bookings", "/api/v1/spaces/{spaceId}/availability", "/api/v1/park/bookings", "/api/v1/zone/bookings"]),
        new("bookings:manage", "Make, move and cancel bookings", "预约、改期和取消", true,
            ["/api/v1/me/bookings", "/api/v1/bookings", "/api/v1/spaces/{spaceId}/availability", "/api/v1/spaces/{spaceId}/bookings", "/api/v1/park/bookings"]),
        new("policies:read", "Read policies, matters and applications", "读取政策、事项和申请", false,
            ["/api/v1/policies", "/api/v1/public/policies", "/api/v1/me/policies", "/api/v1/matters", "/api/v1/certificates"]),
        new("events:read", "Read events and registrations", "读取活动和报名", false, ["/api/v1/events"]),
        new("telemetry:read", "Read twins, telemetry and alarms", "读取孪生体、遥测和告警", false,
            ["/api/v1/twins", "/api/v1/telemetry", "/api/v1/alarms", "/api/v1/twin-models"]),
    ];

    public static Scope? Find(string code) => All.FirstOrDefault(s => s.Code == code);

    /// <summary>Whether <paramref name="scopes"/> open <paramref name="method"/> on the route <paramref name="pattern"/>
    /// (constraints removed: <c>/api/v1/spaces/{spaceId}/bookings</c>).</summary>
    public static bool Allow(IEnumerable<string> scopes, string method, string pattern) =>
        scopes.Select(Find).Any(scope => scope is not null
            && (scope.Writes || HttpMethods.IsGet(method) || HttpMethods.IsHead(method))
            && scope.Routes.Any(route => pattern.Equals(route, StringComparison.OrdinalIgnoreCase)
                || pattern.StartsWith(route + "/", StringComparison.OrdinalIgnoreCase) || pattern.StartsWith(route + ".", StringComparison.OrdinalIgnoreCase)));
}
