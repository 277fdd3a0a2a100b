using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Lingjing.Bench.Bookings;

/// <summary>Direct reads of the server's database, outside the server: the spaces to book, and
/// afterwards the bookings actually stored (counted in the database itself, not trusted from HTTP).</summary>
public sealed class BenchDatabase(string database, string dataDirectory, string? postgres)
{
    /// <summary><paramref name="count"/> spaces chosen by a fixed seed among all spaces.</summary>
    public async Task<List<HotSpace>> HotSpacesAsync(int count, int seed)
    {
        var sql = database == "postgres"
            ? "SELECT id, opens_at::text, closes_at::text, open_days FROM spaces ORDER BY id"
            : "SELECT id, opens_at, closes_at, open_days FROM spaces ORDER BY id";
        var all = new List<HotSpace>();
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            all.Add(new HotSpace(Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture),
                TimeOnly.Parse(reader.GetString(1), CultureInfo.InvariantCulture), TimeOnly.Parse(reader.GetString(2), CultureInfo.InvariantCulture),
                Convert.ToInt32(reader.GetValue(3), CultureInfo.InvariantCulture)));
        var random = new Random(seed);
        return all.OrderBy(_ => random.Next()).Take(count).OrderBy(s => s.Id).ToList();
    }

    /// <summary>Pairs of live (pending or confirmed) bookings of one space whose half-open ranges
    /// overlap: double bookings. Must be 0.</summary>
    public Task<long> DoubleBookingsAsync() => ScalarAsync("""
        SELECT COUNT(*) FROM bookings a JOIN bookings b
          ON a.space_id = b.space_id AND a.id < b.id AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at
        WHERE a.status IN ('pending', 'confirmed') AND b.status IN ('pending', 'confirmed')
        """);

    /// <summary>Live bookings this tool made (its purposes), apart from the demo zone's own.</summary>
    public Task<long> BenchLiveBookingsAsync() => ScalarAsync(
        "SELECT COUNT(*) FROM bookings WHERE status IN ('pending', 'confirmed') AND purpose IN ('Benchmark booking', 'Probe')");

    public Task<long> LiveBookingsAsync() => ScalarAsync("SELECT COUNT(*) FROM bookings WHERE status IN ('pending', 'confirmed')");

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 600;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private async Task<DbConnection> OpenAsync()
    {
        DbConnection connection = database == "postgres"
            ? new NpgsqlConnection(postgres)
            : new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "lingjing.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        return connection;
    }
}
