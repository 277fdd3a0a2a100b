using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using Lingjing.Server.Infrastructure.Data;

namespace Lingjing.Server.Features.Twins.Ingest;

/// <summary>Ids of the time series (twin, telemetry name), all held in memory; a new series is
/// inserted the first time a device sends that telemetry.</summary>
public sealed class SeriesRegistry(DatabaseSettings database) : IDisposable
{
    private readonly ConcurrentDictionary<(string Twin, string Name), SeriesInfo> byKey = new();
    private readonly ConcurrentDictionary<int, SeriesInfo> byId = new();
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, SeriesInfo>> byTwin = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim creating = new(1, 1);

    public SeriesInfo? Find(int id) => byId.GetValueOrDefault(id);

    public SeriesInfo? Find(string twinId, string name) => byKey.GetValueOrDefault((twinId, name));

    public IReadOnlyCollection<SeriesInfo> OfTwin(string twinId) =>
        byTwin.TryGetValue(twinId, out var series) ? series.Values.OrderBy(s => s.Name, StringComparer.Ordinal).ToList() : [];

    public async Task LoadAsync(CancellationToken ct)
    {
        await using var connection = Open();
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, twin_id, name FROM telemetry_series";
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) Remember(new SeriesInfo(reader.GetInt32(0), reader.GetString(1), reader.GetString(2)));
    }

    public async ValueTask<SeriesInfo> GetOrCreateAsync(string twinId, string name, CancellationToken ct)
    {
        if (byKey.TryGetValue((twinId, name), out var known)) return known;
        await creating.WaitAsync(ct);
        try
        {
            if (byKey.TryGetValue((twinId, name), out known)) return known;
            await using var connection = Open();
            await connection.OpenAsync(ct);
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO telemetry_series (twin_id, name) VALUES (@t, @n) ON CONFLICT (twin_id, name) DO NOTHING";
            Parameter(insert, "t", twinId);
            Parameter(insert, "n", name);
            await insert.ExecuteNonQueryAsync(ct);
            await using var select = connection.CreateCommand();
            select.CommandText = "SELECT id FROM telemetry_series WHERE twin_id = @t AND name = @n";
            Parameter(select, "t", twinId);
            Parameter(select, "n", name);
            var id = Convert.ToInt32(await select.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
            var info = new SeriesInfo(id, twinId, name);
            Remember(info);
            return info;
        }
        finally
        {
            creating.Release();
        }
    }

    /// <summary>Forgets a twin's series (its device was deleted; the rows go with the twin).</summary>
    public void Forget(string twinId)
    {
        if (!byTwin.TryRemove(twinId, out var series)) return;
        foreach (var s in series.Values)
        {
            byKey.TryRemove((s.TwinId, s.Name), out _);
            byId.TryRemove(s.Id, out _);
        }
    }

    private void Remember(SeriesInfo info)
    {
        byKey[(info.TwinId, info.Name)] = info;
        byId[info.Id] = info;
        byTwin.GetOrAdd(info.TwinId, _ => new ConcurrentDictionary<string, SeriesInfo>(StringComparer.Ordinal))[info.Name] = info;
    }

    private DbConnection Open() => DatabaseConnections.Create(database);

    private static void Parameter(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }

    public void Dispose() => creating.Dispose();
}
