using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lingjing.Server.Infrastructure.Data;

/// <summary>Per-connection SQLite settings. WAL (set once by the migrator) with synchronous=NORMAL
/// keeps every committed transaction across a process crash; busy_timeout lets writers wait.</summary>
internal sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
