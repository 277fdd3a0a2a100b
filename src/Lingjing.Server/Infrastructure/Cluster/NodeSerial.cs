using System.Globalization;
using Lingjing.Server.Infrastructure.Data;

namespace Lingjing.Server.Infrastructure.Cluster;

/// <summary>This node start's number: 0 alone; in a cluster, the next value of <c>orleans.node_serial</c>, which no
/// other node start ever had. Features derive what must differ between nodes from it (avatar ids, telemetry
/// sequence ranges).</summary>
public sealed record NodeSerial(long Value)
{
    public static readonly NodeSerial Alone = new(0);

    public static NodeSerial Next(DatabaseSettings database)
    {
        using var connection = DatabaseConnections.Create(database);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT nextval('orleans.node_serial')";
        return new NodeSerial(Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture));
    }
}
