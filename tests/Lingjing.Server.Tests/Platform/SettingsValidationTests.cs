using Lingjing.Server.Tests.Infrastructure;

namespace Lingjing.Server.Tests.Platform;

/// <summary>A bad setting stops the server at start with a message that names the setting and says what
/// is expected, before the database is touched.</summary>
public sealed class SettingsValidationTests
{
    [Theory]
    [InlineData("Lingjing:TimeZone", "Mars/Olympus_Mons", "--Lingjing:TimeZone: 'Mars/Olympus_Mons' is not a time zone id")]
    [InlineData("Lingjing:Bookings:HousekeepingInterval", "00:00:00", "--Lingjing:Bookings:HousekeepingInterval: must be between")]
    [InlineData("Lingjing:Events:ReminderInterval", "02:00:00", "--Lingjing:Events:ReminderInterval: must be between 00:00:01 and 01:00:00 (got 02:00:00)")]
    [InlineData("Lingjing:Telemetry:RawRetentionDays", "0", "--Lingjing:Telemetry:RawRetentionDays: must be at least 1 days (got 0 days)")]
    [InlineData("Lingjing:Telemetry:MaxPointsPerRequest", "2000000", "must not exceed QueueCapacityPoints (1000000)")]
    [InlineData("Lingjing:World:TickRateHz", "0", "--Lingjing:World:TickRateHz: must be from 1 to 60 ticks a second (got 0)")]
    [InlineData("Lingjing:World:CellSizeCm", "50", "--Lingjing:World:CellSizeCm: must be at least 100 cm (got 50 cm)")]
    [InlineData("Lingjing:Sessions:CacheSeconds", "-1", "--Lingjing:Sessions:CacheSeconds: must be from 0")]
    [InlineData("Lingjing:Sessions:CookieDays", "0", "--Lingjing:Sessions:CookieDays: must be from 1 to 365 days (got 0)")]
    [InlineData("Lingjing:RateLimits:ExpensiveReads:WindowSeconds", "0", "--Lingjing:RateLimits:ExpensiveReads:WindowSeconds: must be at least 1 s (got 0 s)")]
    [InlineData("Lingjing:Observability:OtlpEndpoint", "collector:4317", "--Lingjing:Observability:OtlpEndpoint: 'collector:4317' is not an http or https address")]
    [InlineData("Lingjing:Observability:MetricsNetworks:0", "10.0.0.0/40", "--Lingjing:Observability:MetricsNetworks: '10.0.0.0/40' is not a network in CIDR notation")]
    [InlineData("Lingjing:ForwardedHeaders:KnownProxies:0", "proxy.local", "--Lingjing:ForwardedHeaders:KnownProxies: 'proxy.local' is not an IP address")]
    [InlineData("Lingjing:Cluster:Enabled", "true", "--Lingjing:Cluster:Enabled: needs PostgreSQL (ConnectionStrings:Postgres)")]
    [InlineData("Lingjing:Cluster:ProbeTimeoutSeconds", "0", "--Lingjing:Cluster:ProbeTimeoutSeconds: must be from 1 to 60 (got 0)")]
    [InlineData("Lingjing:Policies:RematchIntervalMinutes", "-5", "--Lingjing:Policies:RematchIntervalMinutes: must be from 0 (off) to 1440 minutes (got -5)")]
    [InlineData("Lingjing:Collaboration:PublishPerDay", "0", "--Lingjing:Collaboration:PublishPerDay: must be from 1 to 10000 (got 0)")]
    [InlineData("Lingjing:Collaboration:MessagesPerHour", "0", "--Lingjing:Collaboration:MessagesPerHour: must be from 1 to 100000 (got 0)")]
    [InlineData("Lingjing:Collaboration:ConversationsPerDay", "20000", "--Lingjing:Collaboration:ConversationsPerDay: must be from 1 to 10000 (got 20000)")]
    [InlineData("ConnectionStrings:Postgres", "Hots=db;Database=lingjing", "--ConnectionStrings:Postgres: not a PostgreSQL connection string")]
    [InlineData("Lingjing:Media:PeerLimit", "0", "--Lingjing:Media:PeerLimit: must be from 1 to 16 connections (got 0)")]
    [InlineData("Lingjing:Media:IceServers:0:Urls:0", "https://turn.example.org", "--Lingjing:Media:IceServers:0:Urls: 'https://turn.example.org' is not a STUN or TURN URL")]
    [InlineData("Lingjing:Media:IceServers:0:Urls:0", "turn:turn.example.org:3478", "--Lingjing:Media:IceServers:0: a TURN server needs a Username and a Credential.")]
    [InlineData("Lingjing:Media:Janus", "ws://127.0.0.1:8188", "--Lingjing:Media:Janus: 'ws://127.0.0.1:8188' is not the http(s) URL of Janus's HTTP API")]
    public async Task A_bad_setting_stops_the_server_with_a_message_naming_it(string key, string value, string message)
    {
        var error = await Should.ThrowAsync<Exception>(async () =>
        {
            await using var app = await LingjingApp.StartAsync(Db.Sqlite, demo: false, new Dictionary<string, string?> { [key] = value });
        });

        Messages(error).ShouldContain(m => m.Contains(message), $"got: {string.Join(" | ", Messages(error))}");
    }

    private static IEnumerable<string> Messages(Exception? error)
    {
        for (; error is not null; error = error.InnerException) yield return error.Message;
    }
}
