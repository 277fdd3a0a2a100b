namespace Lingjing.Server.Features.Bookings;

/// <summary>The body of a booking request: ISO 8601 instants with an offset, what the space is for,
/// and optionally how many people come (at most the space's capacity).</summary>
public sealed record BookingRequest(string? Start, string? End, string? Purpose, int? Attendees = null);

/// <summary>The body of "book the next free slot": optional purpose and earliest start.</summary>
public sealed record NextSlotRequest(string? Purpose, string? After = null);

/// <summary>The body of a reschedule: the booking's new start and end, ISO 8601 instants with an offset.</summary>
public sealed record RescheduleRequest(string? Start, string? End);
