using System.Net;
using Lingjing.Server.Infrastructure.Options;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Infrastructure.Observability;

/// <summary>Checks <c>Lingjing:Observability</c> at start: the OTLP endpoint an http(s) address, each metrics network in CIDR notation.</summary>
public sealed class ObservabilityOptionsValidator : IValidateOptions<ObservabilityOptions>
{
    public ValidateOptionsResult Validate(string? name, ObservabilityOptions o)
    {
        var check = new SettingsCheck(ObservabilityOptions.Section)
            .Require(string.IsNullOrWhiteSpace(o.OtlpEndpoint) || OtlpUri(o.OtlpEndpoint) is not null, "OtlpEndpoint",
                $"'{o.OtlpEndpoint}' is not an http or https address, e.g. http://127.0.0.1:4317.");
        foreach (var network in o.MetricsNetworks)
            check.Require(IPNetwork.TryParse(network, out _), "MetricsNetworks", $"'{network}' is not a network in CIDR notation, e.g. 10.0.0.0/8.");
        return check.Result();
    }

    /// <summary>The endpoint as an absolute http(s) address, or null when it is empty or not one.</summary>
    public static Uri? OtlpUri(string? endpoint) =>
        Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri : null;
}
