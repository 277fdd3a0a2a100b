using Lingjing.Server.Tests.Infrastructure;

namespace Lingjing.Server.Tests.Twins;

/// <summary>One demo-zone SQLite server with a fake clock and a 50-value telemetry queue, shared by
/// the alarm and storage tests (each uses devices of its own).</summary>
public sealed class TwinsAppFixture : IAsyncLifetime
{
    public const int QueueCapacity = 50;
    private TwinsTestApp? app;

    public TwinsTestApp App => app!;

    public async Task InitializeAsync() => app = await TwinsTestApp.StartAsync(Db.Sqlite, new Dictionary<string, string?>
    {
        ["Lingjing:Telemetry:QueueCapacityPoints"] = QueueCapacity.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Lingjing:Telemetry:MaxPointsPerRequest"] = QueueCapacity.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    public async Task DisposeAsync()
    {
        if (app is not null) await app.DisposeAsync();
    }
}
