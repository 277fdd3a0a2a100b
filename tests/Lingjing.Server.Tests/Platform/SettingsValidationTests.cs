using Lingjing.Server.Tests.Infrastructure;

namespace Lingjing.Server.Tests.Platform;

/// <summary>A bad setting stops the server at start with a message that names the setting and says what
/// is expected, before the database is touched.</summary>
public sealed class SettingsValidationTests
{
    [Theory]
    [InlineData("Lingjing:TimeZone", "Mars/Olympus_Mons", "--Lingjing:TimeZone: 'Mars/Olympus_Mons' is not a time zone id")]
    [InlineData("Lingjing:Bookings:HousekeepingInterval", "00:00:00", "--Lingjing:Bookings:HousekeepingInterval: must be between")]
    [InlineData("Lingjing:Telemetry:RawRetentionDays", "0", "--Lingjing:Telemetry:RawRetentionDays: must be at least 1 days (got 0 days)")]
    [InlineData("Lingjing:Telemetry:MaxPointsPerRequest", "2000000", "must not exceed QueueCapacityPoints (1000000)")]
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
