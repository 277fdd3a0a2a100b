using System.Globalization;

namespace Lingjing.Server.Features.Events.Hall;

/// <summary>The realtime worlds of an event's hall: <c>hall-{eventId}-{instance}</c>, one per instance of the hall.</summary>
public static class HallWorlds
{
    private const string Prefix = "hall-";

    /// <summary>The world page's source name: the hall is at <c>/world/event/{eventId}</c>.</summary>
    public const string SourceName = "event";

    public static string Id(int eventId, int instance) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{eventId}-{instance}");

    public static string Page(int eventId) => string.Create(CultureInfo.InvariantCulture, $"/world/{SourceName}/{eventId}");

    public static bool TryParse(string worldId, out int eventId, out int instance)
    {
        eventId = instance = 0;
        if (!worldId.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        var rest = worldId.AsSpan(Prefix.Length);
        var dash = rest.IndexOf('-');
        return dash > 0
            && int.TryParse(rest[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out eventId) && eventId > 0
            && int.TryParse(rest[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out instance) && instance > 0;
    }

    /// <summary>A world page's key: <c>{eventId}</c> (seated wherever there is room) or <c>{eventId}-{instance}</c>.</summary>
    public static bool TryParseKey(string key, out int eventId, out int? instance)
    {
        instance = null;
        var dash = key.IndexOf('-');
        if (dash < 0) return int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out eventId) && eventId > 0;
        var parsed = TryParse(Prefix + key, out eventId, out var n);
        instance = parsed ? n : null;
        return parsed;
    }

    /// <summary>The world page of one instance of the hall.</summary>
    public static string Page(int eventId, int instance) => string.Create(CultureInfo.InvariantCulture, $"/world/{SourceName}/{eventId}-{instance}");

    /// <summary>The key all instances of an event's hall share: their media room (the stage is published once for all of
    /// them) and the channel on which each shows the others' stage.</summary>
    public static string StageOf(int eventId) => string.Create(CultureInfo.InvariantCulture, $"{Prefix}{eventId}-stage");

    /// <summary>Whether a world id is one of this event's halls.</summary>
    public static bool OfEvent(string worldId, int eventId) => TryParse(worldId, out var id, out _) && id == eventId;
}
