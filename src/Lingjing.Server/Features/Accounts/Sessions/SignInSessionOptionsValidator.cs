using Lingjing.Server.Infrastructure.Options;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.Accounts.Sessions;

/// <summary>Checks <c>Lingjing:Sessions</c> at start.</summary>
public sealed class SignInSessionOptionsValidator : IValidateOptions<SignInSessionOptions>
{
    public ValidateOptionsResult Validate(string? name, SignInSessionOptions o) => new SettingsCheck(SignInSessionOptions.Section)
        .Require(o.CacheSeconds is >= 0 and <= 3600, "CacheSeconds",
            $"must be from 0 (ask the database on every request) to 3600 seconds (got {o.CacheSeconds}); it bounds how long a session ended on another node keeps working here.")
        .Require(o.CookieDays is >= 1 and <= 365, "CookieDays", $"must be from 1 to 365 days (got {o.CookieDays}).")
        .Result();
}
