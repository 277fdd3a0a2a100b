using Lingjing.Server.Infrastructure.Options;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.Bookings;

public sealed class BookingOptionsValidator : IValidateOptions<BookingOptions>
{
    public ValidateOptionsResult Validate(string? name, BookingOptions options) => new SettingsCheck(BookingOptions.Section)
        .Require(options.HousekeepingInterval > TimeSpan.Zero && options.HousekeepingInterval <= TimeSpan.FromDays(1), "HousekeepingInterval",
            $"must be between 00:00:01 and 1.00:00:00 (got {options.HousekeepingInterval}).")
        .Require(options.ReminderLead >= TimeSpan.Zero, "ReminderLead", $"must not be negative (got {options.ReminderLead}).")
        .Require(options.ActivePerPerson is >= 0 and <= ParkLimitsUpdate.Max, "ActivePerPerson",
            $"must be between 0 (no limit) and {ParkLimitsUpdate.Max} (got {options.ActivePerPerson}).")
        .Require(options.ActivePerEnterprise is >= 0 and <= ParkLimitsUpdate.Max, "ActivePerEnterprise",
            $"must be between 0 (no limit) and {ParkLimitsUpdate.Max} (got {options.ActivePerEnterprise}).")
        .Result();
}
