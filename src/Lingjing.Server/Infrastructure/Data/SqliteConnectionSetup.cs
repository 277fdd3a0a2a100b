using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lingjing.Server.Infrastructure.Data;

/// <summary>Gives EF Core's SQLite connections the one set of settings (<see cref="DatabaseConnections.SqlitePragmas"/>,
/// with the reasons there).</summary>
internal sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = DatabaseConnections.SqlitePragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = DatabaseConnections.SqlitePragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
