using Npgsql;

namespace Lingjing.Server.Infrastructure.Cluster;

/// <summary>This node start's number: 0 alone; in a cluster, the next value of <c>orleans.node_serial</c>, which no
/// other node start ever had. Features derive what must differ between nodes from it (avatar ids, telemetry
/// sequence ranges).</summary>
public sealed record NodeSerial(long Value)
{
    public static readonly NodeSerial Alone = new(0);

    public static NodeSerial Next(string postgres)
    {
        using var connection = new NpgsqlConnection(postgres);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT nextval('orleans.node_serial')", connection);
        return new NodeSerial((long)command.ExecuteScalar()!);
    }
}
