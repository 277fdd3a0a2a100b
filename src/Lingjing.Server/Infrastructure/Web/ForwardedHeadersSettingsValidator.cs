using System.Net;
using Lingjing.Server.Infrastructure.Options;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Infrastructure.Web;

/// <summary>Checks <c>Lingjing:ForwardedHeaders</c> at start: every proxy an address, every network in CIDR notation.</summary>
public sealed class ForwardedHeadersSettingsValidator : IValidateOptions<ForwardedHeadersSetup.Settings>
{
    public ValidateOptionsResult Validate(string? name, ForwardedHeadersSetup.Settings o)
    {
        var check = new SettingsCheck(ForwardedHeadersSetup.Section);
        foreach (var proxy in o.KnownProxies.Where(p => !string.IsNullOrWhiteSpace(p)))
            check.Require(IPAddress.TryParse(proxy.Trim(), out _), "KnownProxies", $"'{proxy}' is not an IP address.");
        foreach (var network in o.KnownNetworks.Where(n => !string.IsNullOrWhiteSpace(n)))
            check.Require(System.Net.IPNetwork.TryParse(network.Trim(), out _), "KnownNetworks", $"'{network}' is not a network in CIDR notation (e.g. 10.0.0.0/8).");
        return check.Result();
    }
}
