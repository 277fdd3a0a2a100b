namespace Lingjing.Server.Infrastructure.Time;

public static class ClockExtensions
{
    /// <summary>Registers the one <see cref="TimeProvider"/> every feature takes: the system clock, or the
    /// system clock shifted to <see cref="ClockOptions.StartAt"/> when that is configured.</summary>
    public static WebApplicationBuilder AddLingjingClock(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(ClockOptions.Section);
        ClockOptions options;
        try
        {
            options = section.Get<ClockOptions>() ?? new ClockOptions();
        }
        catch (InvalidOperationException error)
        {
            throw new InvalidOperationException(
                $"{ClockOptions.Section}:StartAt must be an instant with an offset, such as 2026-12-11T23:30:00+08:00 " +
                $"(got '{section["StartAt"]}').", error);
        }
        builder.Services.AddSingleton<TimeProvider>(options.StartAt is { } startAt ? new ShiftedTimeProvider(startAt) : TimeProvider.System);
        return builder;
    }
}
