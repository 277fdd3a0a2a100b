using Microsoft.Extensions.Options;

namespace Lingjing.Server.Infrastructure.Options;

public static class OptionsExtensions
{
    /// <summary>Binds a configuration section to <typeparamref name="TOptions"/> and checks it when the server
    /// starts (before the database is touched), with the validator given.</summary>
    public static IServiceCollection AddCheckedOptions<TOptions, TValidator>(this IServiceCollection services, IConfiguration section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddOptions<TOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>, TValidator>();
        return services;
    }

    /// <summary>Runs every start-up check now, so a bad setting stops the server before migrations or seeding.</summary>
    public static void CheckSettings(this IServiceProvider services) => services.GetService<IStartupValidator>()?.Validate();
}
