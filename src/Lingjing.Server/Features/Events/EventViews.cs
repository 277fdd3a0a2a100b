namespace Lingjing.Server.Features.Events;

/// <summary>An event as lists show it. Times are instants (UTC, with offset); <see cref="LocalStart"/> and
/// <see cref="LocalEnd"/> are the same in the event's time zone, as its venue's clock reads.</summary>
public sealed record EventSummary(
    int Id, string TitleZh, string TitleEn, string Kind, string OrganiserKind, string OrganiserZh, string OrganiserEn,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, string TimeZone, DateTime LocalStart, DateTime LocalEnd,
    string Venue, bool InPerson, int Capacity, int SeatsLeft, string Registration, string Status, string Url);

/// <summary>One event with its description and agenda.</summary>
public sealed record EventDetail(EventSummary Event, string DescriptionZh, string DescriptionEn, IReadOnlyList<SessionView> Sessions,
    IReadOnlyList<Expo.BoothView> Booths, string JoinUrl, string CalendarUrl);

public sealed record SessionView(int Id, string TitleZh, string TitleEn, string Room, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    DateTime LocalStart, DateTime LocalEnd, IReadOnlyList<string> Speakers);

/// <summary>A person's registration; the ticket (code, QR code address, check-in address) only once it is confirmed.</summary>
public sealed record RegistrationView(
    Guid Id, int EventId, Guid UserId, string Name, string Email, string Status, string Attendance, DateTimeOffset RegisteredAt,
    DateTimeOffset? CheckedInAt, string? TicketCode, string? TicketQrUrl, string JoinUrl);

/// <summary>The people registered for an event, for its organisers, with the counts per status.</summary>
public sealed record RegistrationList(IReadOnlyList<RegistrationView> Items, IReadOnlyDictionary<string, int> ByStatus, int CheckedIn, int Capacity, int SeatsTaken);

/// <summary>A park whose world can host an event.</summary>
public sealed record VenuePark(int Id, string NameZh, string NameEn);
