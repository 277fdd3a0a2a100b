using Microsoft.Extensions.Options;

namespace Lingjing.Server.Infrastructure.Web;

/// <summary>The configured public address of the site. Absolute links (calendars, QR codes) are built
/// from it, never from the request's Host header, which a client chooses.</summary>
public sealed class PublicBaseUrl
{
    public PublicBaseUrl(IOptions<LingjingOptions> options, IConfiguration configuration)
        : this(options.Value.PublicBaseUrl, configuration["urls"]) { }

    public PublicBaseUrl(string? configured, string? serverUrls)
    {
        var text = string.IsNullOrWhiteSpace(configured) ? FromServerUrls(serverUrls) : configured.Trim();
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.Query.Length > 0 || uri.Fragment.Length > 0)
            throw new InvalidOperationException(
                $"Lingjing:PublicBaseUrl '{text}' is not an absolute http or https address without query (e.g. https://park.example.cn).");
        Value = uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
        Origin = uri.GetLeftPart(UriPartial.Authority);
        IsHttps = uri.Scheme == Uri.UriSchemeHttps;
    }

    /// <summary>Scheme, host, port and path base, without a trailing slash.</summary>
    public string Value { get; }

    /// <summary>Scheme, host and port, as a browser sends it in the Origin header.</summary>
    public string Origin { get; }

    public bool IsHttps { get; }

    /// <summary>The absolute URL of a local path such as <c>/bookings/1</c>.</summary>
    public string Of(string localPath) => Value + (localPath.StartsWith('/') ? localPath : "/" + localPath);

    /// <summary>The first of the server's listening URLs, with a wildcard host read as localhost.</summary>
    private static string FromServerUrls(string? urls)
    {
        var first = (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (first is null) return "http://localhost:5080";
        foreach (var wildcard in new[] { "://*", "://+", "://0.0.0.0", "://[::]" })
            first = first.Replace(wildcard, "://localhost", StringComparison.Ordinal);
        return first;
    }
}
