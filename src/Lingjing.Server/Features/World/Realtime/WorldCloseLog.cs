using Lingjing.World;

namespace Lingjing.Server.Features.World.Realtime;

/// <summary>
/// One log line per connection a client's bad input or slowness closed: code, reason, user. No stack
/// traces (a bad frame is the client's fault, not ours) and no flood: at most
/// <see cref="LinesPerMinute"/> lines a minute, then one line saying how many were left out.
/// </summary>
public sealed class WorldCloseLog(ILogger<WorldCloseLog> logger, TimeProvider time)
{
    public const int LinesPerMinute = 30;

    private readonly Lock _gate = new();
    private DateTimeOffset _windowStart = DateTimeOffset.MinValue;
    private int _linesInWindow;
    private int _suppressed;

    /// <summary>Codes that say the client misbehaved (rather than left, was replaced or moderated).</summary>
    public static bool IsClientFault(int code) => code is WorldCloseCodes.MalformedFrame or WorldCloseCodes.FrameTooBig
        or WorldCloseCodes.UnsupportedData or WorldCloseCodes.OutOfOrder or WorldCloseCodes.TooSlow or WorldCloseCodes.RateLimited
        or WorldCloseCodes.ProtocolError or WorldCloseCodes.InvalidPayload;

    public void Closed(string userId, int code, string reason)
    {
        int suppressed;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (now - _windowStart >= TimeSpan.FromMinutes(1))
            {
                _windowStart = now;
                _linesInWindow = 0;
            }
            if (_linesInWindow >= LinesPerMinute)
            {
                _suppressed++;
                return;
            }
            _linesInWindow++;
            suppressed = _suppressed;
            _suppressed = 0;
        }
        if (suppressed > 0)
            logger.LogWarning("World connection of user {UserId} closed with {Code}: {Reason} ({Suppressed} similar lines left out before this one)",
                userId, code, reason, suppressed);
        else
            logger.LogWarning("World connection of user {UserId} closed with {Code}: {Reason}", userId, code, reason);
    }
}
