namespace Lingjing.Server.Infrastructure.Jobs;

public static class JobsExtensions
{
    /// <summary>Registers a <see cref="RecurringJob"/>: one instance, run by the host, listed on the
    /// operations page and in <c>/health</c>, and reachable by tests (to await its runs).</summary>
    public static IServiceCollection AddRecurringJob<TJob>(this IServiceCollection services) where TJob : RecurringJob
    {
        services.AddSingleton<TJob>(sp =>
        {
            var job = ActivatorUtilities.CreateInstance<TJob>(sp);
            job.Placement = sp.GetService<IJobPlacement>();
            return job;
        });
        services.AddSingleton<RecurringJob>(sp => sp.GetRequiredService<TJob>());
        services.AddHostedService(sp => sp.GetRequiredService<TJob>());
        return services;
    }
}
