namespace Lingjing.Server.Features.Bookings;

/// <summary>A booking waiting for the park operator, with who asked for it.</summary>
public sealed record PendingBooking(BookingView Booking, string RequestedBy, string Email, int? EnterpriseId);
