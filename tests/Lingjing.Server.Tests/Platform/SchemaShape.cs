using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Lingjing.Server.Tests.Platform;

/// <summary>What a database's schema looks like, read from its own catalogue: tables with their columns
/// (name, nullability), indexes (table, columns, unique) and foreign keys, in one comparable shape.</summary>
public sealed record SchemaShape(
    IReadOnlyDictionary<string, IReadOnlyList<string>> Columns,
    IReadOnlySet<string> Indexes,
    IReadOnlySet<string> ForeignKeys)
{
    public static async Task<SchemaShape> ReadAsync(DbConnection connection)
    {
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync();
        return connection is NpgsqlConnection ? await ReadPostgresAsync(connection) : await ReadSqliteAsync(connection);
    }

    private static async Task<SchemaShape> ReadSqliteAsync(DbConnection connection)
    {
        var tables = await ListAsync(connection,
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
        var columns = new Dictionary<string, IReadOnlyList<string>>();
        var indexes = new HashSet<string>();
        var keys = new HashSet<string>();
        foreach (var table in tables)
        {
            columns[table] = await ListAsync(connection,
                $"SELECT name || CASE WHEN \"notnull\" = 1 OR pk > 0 THEN ' not null' ELSE ' null' END FROM pragma_table_info('{table}') ORDER BY name");
            foreach (var (index, unique) in await PairsAsync(connection,
                         $"SELECT name, \"unique\" FROM pragma_index_list('{table}') WHERE origin <> 'pk'"))
            {
                var indexColumns = await ListAsync(connection, $"SELECT coalesce(name, '(expression)') FROM pragma_index_info('{index}') ORDER BY seqno");
                indexes.Add(Index(table, indexColumns, unique == "1"));
            }
            foreach (var (target, from) in await PairsAsync(connection, $"SELECT \"table\", \"from\" FROM pragma_foreign_key_list('{table}')"))
                keys.Add($"{table}.{from} -> {target}");
        }
        return new SchemaShape(columns, indexes, keys);
    }

    private static async Task<SchemaShape> ReadPostgresAsync(DbConnection connection)
    {
        var tables = await ListAsync(connection,
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name");
        var columns = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var table in tables)
            columns[table] = await ListAsync(connection,
                $"SELECT column_name || CASE WHEN is_nullable = 'NO' THEN ' not null' ELSE ' null' END FROM information_schema.columns " +
                $"WHERE table_schema = 'public' AND table_name = '{table}' ORDER BY column_name");
        var indexes = new HashSet<string>();
        var rows = await RowsAsync(connection, """
            SELECT t.relname, i.relname, ix.indisunique,
                   array_to_string(array(SELECT coalesce(a.attname, '(expression)') FROM unnest(ix.indkey) WITH ORDINALITY k(attnum, n)
                                         LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum AND k.attnum > 0 ORDER BY k.n), ',')
            FROM pg_index ix JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_class i ON i.oid = ix.indexrelid
            JOIN pg_namespace ns ON ns.oid = t.relnamespace
            WHERE ns.nspname = 'public' AND NOT ix.indisprimary
            """);
        foreach (var row in rows) indexes.Add(Index(row[0], row[3].Split(','), row[2] == "True"));
        var keys = (await RowsAsync(connection, """
            SELECT tc.table_name, kcu.column_name, ccu.table_name
            FROM information_schema.table_constraints tc
            JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
            JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name AND ccu.table_schema = tc.table_schema
            WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = 'public'
            """)).Select(r => $"{r[0]}.{r[1]} -> {r[2]}").ToHashSet();
        return new SchemaShape(columns, indexes, keys);
    }

    private static string Index(string table, IEnumerable<string> columns, bool unique) =>
        $"{table}({string.Join(", ", columns)}){(unique ? " unique" : "")}";

    private static async Task<List<string>> ListAsync(DbConnection connection, string sql) =>
        (await RowsAsync(connection, sql)).Select(r => r[0]).ToList();

    private static async Task<List<(string, string)>> PairsAsync(DbConnection connection, string sql) =>
        (await RowsAsync(connection, sql)).Select(r => (r[0], r[1])).ToList();

    private static async Task<List<string[]>> RowsAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
        {
            var row = new string[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!;
            rows.Add(row);
        }
        return rows;
    }
}
