using Lingjing.Server.Infrastructure.Options;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.World.Realtime;

/// <summary>Checks <c>Lingjing:World</c> at start, so a bad value names its setting instead of failing inside the engine.</summary>
public sealed class WorldRealtimeOptionsValidator : IValidateOptions<WorldRealtimeOptions>
{
    public ValidateOptionsResult Validate(string? name, WorldRealtimeOptions o) => new SettingsCheck(WorldRealtimeOptions.Section)
        .Require(o.TickRateHz is >= 1 and <= 60, "TickRateHz", $"must be from 1 to 60 ticks a second (got {o.TickRateHz}).")
        .AtLeast(o.CellSizeCm, 100, "CellSizeCm", " cm")
        .AtLeast(o.ViewRadiusCm, 0, "ViewRadiusCm", " cm")
        .AtLeast(o.FullRateAvatars, 1, "FullRateAvatars")
        .AtLeast(o.ReducedRateDivisor, 1, "ReducedRateDivisor")
        .AtLeast(o.MaxQueuedBytesPerConnection, 1024, "MaxQueuedBytesPerConnection", " bytes")
        .AtLeast(o.SocketSendBufferBytes, 0, "SocketSendBufferBytes", " bytes")
        .AtLeast(o.ChatPerMinute, 1, "ChatPerMinute")
        .AtLeast(o.ChatBurst, 1, "ChatBurst")
        .AtLeast(o.SpawnScatterCm, 0, "SpawnScatterCm", " cm")
        .AtLeast(o.ListenBacklog, 1, "ListenBacklog")
        .Result();
}
