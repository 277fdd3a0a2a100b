namespace Lingjing.Server.Infrastructure.Observability;

/// <summary>The <c>Lingjing:Observability</c> section.</summary>
public sealed class ObservabilityOptions
{
    public const string Section = "Lingjing:Observability";

    /// <summary>Where to send traces and metrics over OTLP (e.g. <c>http://127.0.0.1:4317</c>); empty: only
    /// <c>/metrics</c> (Prometheus text) is served.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>Networks (CIDR) whose requests may read <c>/metrics</c> without signing in (a Prometheus
    /// server); loopback always may, and so may a signed-in government user.</summary>
    public string[] MetricsNetworks { get; set; } = [];
}
