using System.Data.Common;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Lingjing.Server.Features.Directory.Search;

/// <summary>Maintenance of the directory's search indexes (schema 0002). They follow every insert,
/// update and delete on their own; bulk loads can instead switch them off and build them once at
/// the end, which is faster (SQLite: FTS5 triggers; PostgreSQL: pg_trgm GIN indexes).</summary>
public static class DirectorySearchIndex
{
    public static readonly IReadOnlyList<string> Tables = ["parks", "enterprises", "institutions", "spaces"];

    /// <summary>Runs <paramref name="load"/> with index maintenance off, then rebuilds the indexes
    /// and restores their triggers (SQLite) or recreates them (PostgreSQL) from the definitions the
    /// schema script created, so nothing here repeats the schema. Run it inside the load's
    /// transaction to make the whole of it atomic.</summary>
    public static async Task BulkLoadAsync(LingjingDbContext db, Func<CancellationToken, Task> load, CancellationToken ct)
    {
        var postgres = db.Database.IsNpgsql();
        var definitions = postgres
            ? await ReadAsync(db, "SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() AND indexname LIKE '%\\_search\\_text\\_trgm'", ct)
            : await ReadAsync(db, "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%\\_fts\\_%' ESCAPE '\\'", ct);
        var names = postgres
            ? await ReadAsync(db, "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND indexname LIKE '%\\_search\\_text\\_trgm'", ct)
            : await ReadAsync(db, "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%\\_fts\\_%' ESCAPE '\\'", ct);
        foreach (var name in names)
        {
            // Names and definitions come from the database's own catalogue, never from input.
            var drop = (postgres ? "DROP INDEX " : "DROP TRIGGER ") + name;
            await db.Database.ExecuteSqlRawAsync(drop, ct);
        }

        await load(ct);

        if (!postgres) await RebuildAsync(db, ct);
        foreach (var definition in definitions)
            await db.Database.ExecuteSqlRawAsync(definition, ct);
    }

    /// <summary>Rebuilds the SQLite FTS5 tables from <c>search_text</c> (after rows were written with
    /// the triggers off); on PostgreSQL refreshes planner statistics, the GIN indexes being current.</summary>
    public static async Task RebuildAsync(LingjingDbContext db, CancellationToken ct)
    {
        foreach (var table in Tables)
        {
            var sql = db.Database.IsNpgsql()
                ? "ANALYZE " + table
                : "INSERT INTO " + table + "_fts (" + table + "_fts) VALUES ('rebuild')";
            await db.Database.ExecuteSqlRawAsync(sql, ct);
        }
    }

    private static async Task<List<string>> ReadAsync(LingjingDbContext db, string sql, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using DbCommand command = connection.CreateCommand();
            command.CommandText = sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            await using var reader = await command.ExecuteReaderAsync(ct);
            var values = new List<string>();
            while (await reader.ReadAsync(ct)) values.Add(reader.GetString(0));
            return values;
        }
        finally
        {
            if (opened) await db.Database.CloseConnectionAsync();
        }
    }
}
