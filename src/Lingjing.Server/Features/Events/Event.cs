namespace Lingjing.Server.Features.Events;

/// <summary>A forum, launch, exhibition, training or conference of the zone: online in the world, in a physical space
/// booked through the bookings feature, or both. Times are UTC; <see cref="TimeZone"/> is where the clock of the event
/// is read (an IANA id), so an agenda shows the hall's hours to a visitor in another zone.</summary>
public sealed class Event
{
    public int Id { get; set; }
    public required string TitleZh { get; set; }
    public required string TitleEn { get; set; }
    public required string DescriptionZh { get; set; }
    public required string DescriptionEn { get; set; }
    public required string Kind { get; set; }

    /// <summary>Who organises it: <see cref="Organisers.Government"/>, <see cref="Organisers.Park"/> (with
    /// <see cref="ParkId"/>) or <see cref="Organisers.Enterprise"/> (with <see cref="EnterpriseId"/>).</summary>
    public required string OrganiserKind { get; set; }
    public int? ParkId { get; set; }
    public int? EnterpriseId { get; set; }
    public Guid CreatedBy { get; set; }

    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    public required string TimeZone { get; set; }

    /// <summary>Where online attendees go: a world of the metaverse (<c>auditorium</c>, <c>expo</c>, <c>park-12</c>).</summary>
    public required string Venue { get; set; }

    /// <summary>The physical space booked for it through the bookings feature, if the event is also held in person.</summary>
    public Guid? SpaceBookingId { get; set; }

    public int Capacity { get; set; }

    /// <summary>Seats held: confirmed registrations and those waiting for the organiser's approval. Raised and lowered
    /// only by one conditional UPDATE each, so that concurrent registrations never pass <see cref="Capacity"/>.</summary>
    public int SeatsTaken { get; set; }

    public required string Registration { get; set; }
    public required string Status { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>One item of an event's agenda: a talk, panel or workshop in a room of the venue, with its speakers.</summary>
public sealed class EventSession
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public required string TitleZh { get; set; }
    public required string TitleEn { get; set; }
    public required string Room { get; set; }
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }

    /// <summary>"Name, role" per speaker, in the order they speak.</summary>
    public List<string> Speakers { get; set; } = [];
}

/// <summary>A person's place at an event: their ticket (the secret <see cref="TicketCode"/> in its QR code, checked at
/// the door) and how they attend.</summary>
public sealed class EventRegistration
{
    public Guid Id { get; set; }
    public int EventId { get; set; }
    public Guid UserId { get; set; }
    public required string Status { get; set; }
    public required string Attendance { get; set; }
    public required string TicketCode { get; set; }
    public DateTime RegisteredAt { get; set; }
    public DateTime? DecidedAt { get; set; }
    public DateTime? CheckedInAt { get; set; }

    /// <summary>When the person first entered the event's hall in the world (online attendance).</summary>
    public DateTime? JoinedOnlineAt { get; set; }

    /// <summary>When the person was reminded a day ahead, and an hour ahead (null: not yet).</summary>
    public DateTime? DayRemindedAt { get; set; }
    public DateTime? HourRemindedAt { get; set; }
}

/// <summary>An enterprise the government or its park operator permitted to organise events.</summary>
public sealed class EventOrganiser
{
    public int EnterpriseId { get; set; }
    public Guid GrantedBy { get; set; }
    public DateTime GrantedAt { get; set; }
}
