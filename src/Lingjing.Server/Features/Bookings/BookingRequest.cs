namespace Lingjing.Server.Features.Bookings;

/// <summary>The body of a booking request: ISO 8601 instants with an offset, and what the space is for.</summary>
public sealed record BookingRequest(string? Start, string? End, string? Purpose);
