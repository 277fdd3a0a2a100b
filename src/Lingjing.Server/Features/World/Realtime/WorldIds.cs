using System.Globalization;

namespace Lingjing.Server.Features.World.Realtime;

/// <summary>Ids of the realtime worlds: <c>park-{parkId}</c> for each park and <c>zone</c> for the whole zone.</summary>
public static class WorldIds
{
    public const string Zone = "zone";
    private const string ParkPrefix = "park-";

    public static string Park(int parkId) => ParkPrefix + parkId.ToString(CultureInfo.InvariantCulture);

    public static bool TryParsePark(string worldId, out int parkId)
    {
        parkId = 0;
        return worldId.StartsWith(ParkPrefix, StringComparison.Ordinal)
            && int.TryParse(worldId.AsSpan(ParkPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out parkId)
            && parkId > 0;
    }
}
