using Lingjing.Server.Features.Twins.Devices;
using Lingjing.Server.Infrastructure;
using Lingjing.Server.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Lingjing.Server.Features.Twins.Ingest;

/// <summary>Before requests: devices, series and their latest values into memory.</summary>
internal sealed class TelemetryStartup(LingjingDbContext db, DeviceRegistry devices, SeriesRegistry series, LatestValues latest) : IDataInitializer
{
    public int Order => 25;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await devices.LoadAsync(db, cancellationToken);
        await series.LoadAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT id, last_ts, last_value FROM telemetry_series WHERE last_ts IS NOT NULL";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                latest.Restore(reader.GetInt32(0), reader.GetInt64(1), reader.GetDouble(2));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
