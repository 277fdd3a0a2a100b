namespace Lingjing.Server.Infrastructure.Web;

/// <summary>Return URLs (after sign-in, a language switch, a form) are followed only when they are a
/// path on this site.</summary>
public static class LocalReturnUrl
{
    /// <summary>True for <c>/path?query</c>; false for absolute URLs, <c>//host</c> and <c>/\host</c> (which
    /// browsers read as another host), and anything with control characters (browsers drop tabs and
    /// newlines, turning <c>/\t/host</c> into <c>//host</c>).</summary>
    public static bool IsLocal(string? url) =>
        url is { Length: > 0 } && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);

    public static string OrDefault(string? url, string fallback) => IsLocal(url) ? url! : fallback;
}
