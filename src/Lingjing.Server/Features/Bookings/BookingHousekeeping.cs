using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.Bookings;

/// <summary>Runs <see cref="BookingHousekeeper"/> on a timer driven by the injected TimeProvider
/// (so tests move time instead of waiting). A failed round is logged and the next one runs anyway.</summary>
public sealed class BookingHousekeeping(
    IServiceScopeFactory scopes, TimeProvider time, IOptions<BookingOptions> options, ILogger<BookingHousekeeping> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.HousekeepingInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) await RunOnceAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RunOnceAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var (released, reminded) = await scope.ServiceProvider.GetRequiredService<BookingHousekeeper>().RunAsync(time.GetUtcNow(), ct);
            if (released + reminded > 0)
                logger.LogInformation("Booking housekeeping: {Released} no-shows released, {Reminded} reminders sent", released, reminded);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Booking housekeeping failed; trying again at the next tick");
        }
    }
}
