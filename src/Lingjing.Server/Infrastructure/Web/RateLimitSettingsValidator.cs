using Lingjing.Server.Infrastructure.Options;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Infrastructure.Web;

/// <summary>Checks <c>Lingjing:RateLimits</c> at start: each rule lets at least one request through per window.</summary>
public sealed class RateLimitSettingsValidator : IValidateOptions<RateLimitSettings>
{
    // Checked also while limits are off: a mistyped limit should not wait for the day they are turned on.
    public ValidateOptionsResult Validate(string? name, RateLimitSettings o) => new SettingsCheck(RateLimitSettings.Section)
            .AtLeast(o.Writes.PermitLimit, 1, "Writes:PermitLimit")
            .AtLeast(o.Writes.WindowSeconds, 1, "Writes:WindowSeconds", " s")
            .AtLeast(o.ExpensiveReads.PermitLimit, 1, "ExpensiveReads:PermitLimit")
            .AtLeast(o.ExpensiveReads.WindowSeconds, 1, "ExpensiveReads:WindowSeconds", " s")
            .Result();
}
