namespace Lingjing.Server.Features.Events;

/// <summary>Events store UTC <see cref="DateTime"/>s (the databases hand them back unspecified on SQLite): as instants,
/// and as a venue's clock reads them.</summary>
internal static class EventTimes
{
    public static DateTimeOffset Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    public static DateTime Local(DateTime utc, TimeZoneInfo zone) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
}
