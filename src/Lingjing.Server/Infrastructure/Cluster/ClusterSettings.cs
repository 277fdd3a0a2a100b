using Lingjing.Server.Infrastructure.Options;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Infrastructure.Cluster;

/// <summary>The <c>Lingjing:Cluster</c> configuration section. Every Lingjing process is an Orleans silo: alone by default
/// (a one-silo cluster on loopback, nothing to configure), or, with <see cref="Enabled"/> and PostgreSQL, one node of a
/// cluster whose membership is kept in that database.</summary>
public sealed class ClusterSettings
{
    public const string Section = "Lingjing:Cluster";

    /// <summary>Join the cluster of every node started against the same PostgreSQL database.</summary>
    public bool Enabled { get; set; }

    /// <summary>The port nodes talk to each other on. Alone, 0 takes any free loopback port (nobody else needs to know
    /// it); in a cluster every node needs its own fixed port.</summary>
    public int SiloPort { get; set; }

    /// <summary>The port Orleans clients outside the process connect to; 0 opens none (Lingjing's own pages and APIs run
    /// inside the silo and need no gateway).</summary>
    public int GatewayPort { get; set; }

    /// <summary>The address other nodes reach this one on (the machine's address on the cluster's network).</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>Which cluster the node joins: nodes over one database with different ids form separate clusters.</summary>
    public string ClusterId { get; set; } = "lingjing";

    /// <summary>How long a node waits for a probe's answer before counting it missed. Orleans' default is 5 s, and
    /// with its 3 missed probes a dead node is declared after about 15 s; Lingjing's 2 s and 2 missed probes declare
    /// it after about 4–6 s, at the price of more probe traffic and a node on a stalled machine being declared dead
    /// sooner (it then restarts its silo and rejoins).</summary>
    public int ProbeTimeoutSeconds { get; set; } = 2;

    /// <summary>Missed probes in a row before a node suspects another.</summary>
    public int MissedProbesLimit { get; set; } = 2;
}

/// <summary>Checks <c>Lingjing:Cluster</c> at start.</summary>
public sealed class ClusterSettingsValidator(IConfiguration configuration) : IValidateOptions<ClusterSettings>
{
    public ValidateOptionsResult Validate(string? name, ClusterSettings o) => new SettingsCheck(ClusterSettings.Section)
        .Require(!o.Enabled || !string.IsNullOrWhiteSpace(configuration.GetConnectionString("Postgres")), "Enabled",
            "needs PostgreSQL (ConnectionStrings:Postgres): the nodes of a cluster share its database and keep their membership in it.")
        .Require(!o.Enabled || o.SiloPort is >= 1 and <= 65_535, "SiloPort", $"must be a port from 1 to 65535 in a cluster, one per node (got {o.SiloPort}).")
        .Require(o.SiloPort is >= 0 and <= 65_535, "SiloPort", $"must be from 0 to 65535 (got {o.SiloPort}).")
        .Require(o.GatewayPort is >= 0 and <= 65_535, "GatewayPort", $"must be from 0 (none) to 65535 (got {o.GatewayPort}).")
        .Require(o.GatewayPort == 0 || o.GatewayPort != o.SiloPort, "GatewayPort", "must differ from SiloPort.")
        .Require(System.Net.IPAddress.TryParse(o.AdvertisedAddress, out _), "AdvertisedAddress", $"must be an IP address (got '{o.AdvertisedAddress}').")
        .Require(!string.IsNullOrWhiteSpace(o.ClusterId) && o.ClusterId.Length <= 100, "ClusterId", "must be a name of 1 to 100 characters.")
        .Require(o.ProbeTimeoutSeconds is >= 1 and <= 60, "ProbeTimeoutSeconds", $"must be from 1 to 60 (got {o.ProbeTimeoutSeconds}).")
        .Require(o.MissedProbesLimit is >= 1 and <= 10, "MissedProbesLimit", $"must be from 1 to 10 (got {o.MissedProbesLimit}).")
        .Result();
}
