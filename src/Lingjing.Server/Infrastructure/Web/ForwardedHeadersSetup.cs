using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Lingjing.Server.Infrastructure.Web;

/// <summary>Takes the client's address from X-Forwarded-For only when the request comes from a proxy
/// named in <c>Lingjing:ForwardedHeaders:KnownProxies</c> (addresses) or <c>KnownNetworks</c> (CIDR).
/// Without either, ASP.NET Core's default applies: only a proxy on loopback is trusted. Anyone else's
/// X-Forwarded-For is ignored, so a client cannot pose as another address to dodge or aim the throttles.</summary>
public static class ForwardedHeadersSetup
{
    public const string Section = "Lingjing:ForwardedHeaders";

    public sealed class Settings
    {
        public string[] KnownProxies { get; set; } = [];
        public string[] KnownNetworks { get; set; } = [];
    }

    public static WebApplicationBuilder AddLingjingForwardedHeaders(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(Section).Get<Settings>() ?? new Settings();
        var proxies = settings.KnownProxies.Where(p => !string.IsNullOrWhiteSpace(p))
            .Select(p => IPAddress.TryParse(p.Trim(), out var address) ? address
                : throw new InvalidOperationException($"{Section}:KnownProxies: '{p}' is not an IP address."))
            .ToList();
        var networks = settings.KnownNetworks.Where(n => !string.IsNullOrWhiteSpace(n))
            .Select(n => System.Net.IPNetwork.TryParse(n.Trim(), out var network) ? network
                : throw new InvalidOperationException($"{Section}:KnownNetworks: '{n}' is not a network in CIDR notation (e.g. 10.0.0.0/8)."))
            .ToList();
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            if (proxies.Count == 0 && networks.Count == 0) return;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies) options.KnownProxies.Add(proxy);
            foreach (var network in networks) options.KnownIPNetworks.Add(network);
        });
        return builder;
    }
}
