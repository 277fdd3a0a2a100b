using Lingjing.Server.Infrastructure.Options;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.Events;

/// <summary>Settings under <c>Lingjing:Events</c>.</summary>
public sealed class EventOptions
{
    public const string Section = "Lingjing:Events";

    /// <summary>How often the reminders job looks for events starting within a day or an hour.</summary>
    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromMinutes(1);
}

public sealed class EventOptionsValidator : IValidateOptions<EventOptions>
{
    public ValidateOptionsResult Validate(string? name, EventOptions options) => new SettingsCheck(EventOptions.Section)
        .Require(options.ReminderInterval > TimeSpan.Zero && options.ReminderInterval <= TimeSpan.FromHours(1), "ReminderInterval",
            $"must be between 00:00:01 and 01:00:00 (got {options.ReminderInterval}).")
        .Result();
}
