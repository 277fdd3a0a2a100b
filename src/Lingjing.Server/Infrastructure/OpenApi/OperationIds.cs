using System.Globalization;
using System.Text;

namespace Lingjing.Server.Infrastructure.OpenApi;

/// <summary>
/// An operation's id when its endpoint has no name of its own: the method and the path after <c>/api/v1</c>, in camel
/// case, path parameters as <c>By{Name}</c>: <c>GET /api/v1/service-hall/desks/{id}/queue</c> is
/// <c>getServiceHallDesksByIdQueue</c>. Stable as long as the route is, and unique because method and route are.
/// </summary>
public static class OperationIds
{
    public static string Of(string method, string path)
    {
        var id = new StringBuilder(method.ToLowerInvariant());
        var segments = path.Split(['/', '.'], StringSplitOptions.RemoveEmptyEntries).ToList();
        if (segments is ["api", "v1", ..]) segments = segments[2..];
        foreach (var segment in segments)
        {
            if (segment.StartsWith('{'))
            {
                id.Append("By");
                Pascal(id, segment.Trim('{', '}').Split(':')[0]);
            }
            else Pascal(id, segment);
        }
        return id.ToString();
    }

    private static void Pascal(StringBuilder id, string words)
    {
        foreach (var word in words.Split(['-', '_'], StringSplitOptions.RemoveEmptyEntries))
            id.Append(char.ToUpper(word[0], CultureInfo.InvariantCulture)).Append(word.AsSpan(1));
    }
}
