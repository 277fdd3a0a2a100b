using Lingjing.Server.Infrastructure;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.PolicyServices;

/// <summary>Today in the zone's time zone, from the app's clock: the day policy dates are compared with.</summary>
public sealed class PolicyCalendar(TimeProvider time, IOptions<LingjingOptions> options)
{
    public DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), options.Value.ZoneTimeZone).DateTime);
}
