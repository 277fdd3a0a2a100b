namespace Lingjing.Server.Features.Bookings;

/// <summary>The ways a booking operation fails, as <see cref="Failure"/>s: 400, 403, 404 or 409 with a
/// detail for people and, when the time is taken, the next free slots of the same length
/// (<c>alternatives</c>, code <c>booking.taken</c>).</summary>
public static class BookingError
{
    public const string TakenCode = "booking.taken";

    public static Failure BadInput(Phrase detail) => Failure.Invalid(detail.Template, detail.Args);
    public static Failure Forbidden(Phrase detail) => Failure.Forbidden(detail.Template, detail.Args).Titled("This space is not open to you");

    /// <summary>The time is taken: 409 with the alternatives.</summary>
    public static Failure Taken(IReadOnlyList<FreeSlot> alternatives) =>
        Failure.Conflict("The space is already booked for part of this time.").Titled("The time is already booked")
            .With("alternatives", alternatives) with { Code = TakenCode };

    /// <summary>The park's limit on active bookings is reached: 409 until one of them is over or cancelled.</summary>
    public static Failure LimitReached(string detail, params object?[] args) => Failure.Conflict(detail, args).Titled("Booking limit reached");

    public static bool IsClash(this Failure failure) => failure.Code == TakenCode;

    public static IReadOnlyList<FreeSlot> Alternatives(this Failure failure) => failure.Extension<IReadOnlyList<FreeSlot>>("alternatives") ?? [];
}
