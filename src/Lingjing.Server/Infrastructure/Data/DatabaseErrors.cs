using Microsoft.Data.Sqlite;
using Npgsql;

namespace Lingjing.Server.Infrastructure.Data;

/// <summary>Telling a database's refusals apart, on either engine.</summary>
public static class DatabaseErrors
{
    private const int SqliteConstraintUnique = 2067;

    /// <summary>A unique index refused the row: someone (another request, another node) wrote it first.</summary>
    public static bool IsUniqueViolation(Exception error) => error.InnerException switch
    {
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode == SqliteConstraintUnique,
        _ => false,
    };
}
