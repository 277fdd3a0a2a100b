namespace Lingjing.Server.Features.Bookings;

/// <summary>The time a live booking keeps its space: [Start, HeldUntil), UTC, buffer included.</summary>
public readonly record struct HeldRange(DateTime Start, DateTime HeldUntil);
