using Lingjing.Server.Infrastructure.Options;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.Events;

/// <summary>Settings under <c>Lingjing:Events</c>.</summary>
public sealed class EventOptions
{
    public const string Section = "Lingjing:Events";

    /// <summary>How often the reminders job looks for events starting within a day or an hour.</summary>
    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many people one instance of an event's hall holds; more are seated in further instances, each
    /// seeing and hearing the same stage.</summary>
    public int HallInstanceSize { get; set; } = 300;
}

public sealed class EventOptionsValidator : IValidateOptions<EventOptions>
{
    public ValidateOptionsResult Validate(string? name, EventOptions options) => new SettingsCheck(EventOptions.Section)
        .Require(options.ReminderInterval > TimeSpan.Zero && options.ReminderInterval <= TimeSpan.FromHours(1), "ReminderInterval",
            $"must be between 00:00:01 and 01:00:00 (got {options.ReminderInterval}).")
        .Require(options.HallInstanceSize is >= 1 and <= 5_000, "HallInstanceSize", $"must be between 1 and 5000 (got {options.HallInstanceSize}).")
        .Result();
}
