using System.Net;
using Lingjing.Server.Infrastructure.Options;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

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
        builder.Services.AddCheckedOptions<Settings, ForwardedHeadersSettingsValidator>(builder.Configuration.GetSection(Section));
        // Read when the middleware is built, after the start-up check has refused anything unparsable.
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<Settings>>((options, configured) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            var proxies = configured.Value.KnownProxies.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => IPAddress.Parse(p.Trim())).ToList();
            var networks = configured.Value.KnownNetworks.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => System.Net.IPNetwork.Parse(n.Trim())).ToList();
            if (proxies.Count == 0 && networks.Count == 0) return;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies) options.KnownProxies.Add(proxy);
            foreach (var network in networks) options.KnownIPNetworks.Add(network);
        });
        return builder;
    }
}
