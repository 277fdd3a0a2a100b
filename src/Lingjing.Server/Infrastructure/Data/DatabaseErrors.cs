using Microsoft.Data.Sqlite;
using Npgsql;

namespace Lingjing.Server.Infrastructure.Data;

/// <summary>Telling a database's refusals apart, on either engine.</summary>
public static class DatabaseErrors
{
    private const int SqliteConstraintUnique = 2067, SqliteConstraintPrimaryKey = 1555;

    /// <summary>A unique index or the primary key refused the row: someone (another request, another node) wrote it first.
    /// (PostgreSQL reports both as unique violations; SQLite names a primary key's apart.)</summary>
    public static bool IsUniqueViolation(Exception error) => error.InnerException switch
    {
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        _ => false,
    };
}
