namespace Lingjing.Server.Features.Bookings;

/// <summary>Configuration section <c>Lingjing:Bookings</c>.</summary>
public sealed class BookingOptions
{
    public const string Section = "Lingjing:Bookings";

    /// <summary>The zone's default limit on active bookings (pending or confirmed, not yet over) one
    /// person may hold in one park's spaces, for parks whose operators set none. 0: no limit.</summary>
    public const int DefaultActivePerPerson = 3;

    /// <summary>The zone's default limit on active bookings of all accounts of one enterprise in one park. 0: no limit.</summary>
    public const int DefaultActivePerEnterprise = 10;

    /// <summary>How often no-shows are released and reminders sent.</summary>
    public TimeSpan HousekeepingInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long before its start a confirmed booking's reminder goes out.</summary>
    public TimeSpan ReminderLead { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Active bookings one person may hold in a park's spaces, unless the park sets its own; 0 for no limit.</summary>
    public int ActivePerPerson { get; set; } = DefaultActivePerPerson;

    /// <summary>Active bookings one enterprise may hold in a park's spaces, unless the park sets its own; 0 for no limit.</summary>
    public int ActivePerEnterprise { get; set; } = DefaultActivePerEnterprise;

    /// <summary>The zone default as a limit: null for none.</summary>
    public static int? AsLimit(int value) => value == 0 ? null : value;
}
