using System.Net;

namespace Lingjing.Server.Features.World.Realtime;

/// <summary>
/// <c>GET /world/stats</c>: the world node's counters (sessions, frames, bytes, tick times, closes by
/// code) for load tests and operators on the machine itself. Answers loopback clients only; anyone
/// else gets 404, so it reveals nothing through a reverse proxy.
/// </summary>
internal static class WorldStatsEndpoint
{
    public sealed record WorldStats(
        long ConnectedSessions, long Avatars, long FramesSent, long FramesDropped, long BytesSent, long FramesReceived,
        long Ticks, long LastTickMicroseconds, long MaxTickMicroseconds, long TotalTickMicroseconds, long CellsEncoded,
        IReadOnlyDictionary<string, long> ClosedByCode);

    public static IResult Get(HttpContext http, WorldHost host)
    {
        if (http.Connection.RemoteIpAddress is not { } address || !IPAddress.IsLoopback(address)
            || http.Request.Headers.ContainsKey("X-Forwarded-For"))
            return TypedResults.NotFound();
        var m = host.Node.Metrics;
        return TypedResults.Ok(new WorldStats(m.ConnectedSessions, m.Avatars, m.FramesSent, m.FramesDropped, m.BytesSent,
            m.FramesReceived, m.Ticks, m.LastTickMicroseconds, m.MaxTickMicroseconds, m.TotalTickMicroseconds, m.CellsEncoded,
            m.ClosedByCode.ToDictionary(c => c.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), c => c.Value)));
    }
}
