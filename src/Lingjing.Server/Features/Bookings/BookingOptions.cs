namespace Lingjing.Server.Features.Bookings;

/// <summary>Configuration section <c>Lingjing:Bookings</c>.</summary>
public sealed class BookingOptions
{
    public const string Section = "Lingjing:Bookings";

    /// <summary>How often no-shows are released and reminders sent.</summary>
    public TimeSpan HousekeepingInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long before its start a confirmed booking's reminder goes out.</summary>
    public TimeSpan ReminderLead { get; set; } = TimeSpan.FromHours(1);
}
