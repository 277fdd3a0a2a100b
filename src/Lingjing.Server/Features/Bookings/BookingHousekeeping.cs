using Lingjing.Server.Infrastructure.Jobs;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.Bookings;

/// <summary>Runs <see cref="BookingHousekeeper"/> (no-show release, reminders) every
/// <c>Lingjing:Bookings:HousekeepingInterval</c> on the injected clock.</summary>
public sealed class BookingHousekeeping(
    IServiceScopeFactory scopes, TimeProvider time, IOptions<BookingOptions> options, ILogger<BookingHousekeeping> logger)
    : RecurringJob(time, logger)
{
    public override string Name => "booking-housekeeping";

    protected override TimeSpan Interval => options.Value.HousekeepingInterval;

    protected override async Task RunAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var (released, reminded) = await scope.ServiceProvider.GetRequiredService<BookingHousekeeper>().RunAsync(Time.GetUtcNow(), ct);
        if (released + reminded > 0)
            logger.LogInformation("Booking housekeeping: {Released} no-shows released, {Reminded} reminders sent", released, reminded);
    }
}
