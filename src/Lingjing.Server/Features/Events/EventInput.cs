namespace Lingjing.Server.Features.Events;

/// <summary>The body of creating an event. Times carry their offset (ISO 8601); <see cref="TimeZone"/> (an IANA id,
/// the zone's by default) is the clock its agenda is shown in. <see cref="SpaceBookingId"/> names a booking of the
/// caller's for the physical venue: without one the event is online only.</summary>
public sealed record EventInput(
    string? TitleZh, string? TitleEn, string? DescriptionZh, string? DescriptionEn, string? Kind,
    DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? TimeZone, string? Venue, Guid? SpaceBookingId,
    int? Capacity, string? Registration, IReadOnlyList<SessionInput>? Sessions)
{
    public static readonly Field TitleZhField = new("titleZh", "Title (Chinese)");
    public static readonly Field TitleEnField = new("titleEn", "Title (English)");
    public static readonly Field DescriptionZhField = new("descriptionZh", "Description (Chinese)");
    public static readonly Field DescriptionEnField = new("descriptionEn", "Description (English)");
    public static readonly Field KindField = new("kind", "Kind of event");
    public static readonly Field StartsAtField = new("startsAt", "Starts");
    public static readonly Field EndsAtField = new("endsAt", "Ends");
    public static readonly Field TimeZoneField = new("timeZone", "Time zone");
    public static readonly Field VenueField = new("venue", "Venue in the world");
    public static readonly Field CapacityField = new("capacity", "Capacity");
    public static readonly Field RegistrationField = new("registration", "Registration");
    public static readonly Field SessionsField = new("sessions", "Agenda");
    public const int MaxTitle = 200, MaxDescription = 4000, MaxCapacity = 100_000, MaxSessions = 100;
    public static readonly TimeSpan MaxLength = TimeSpan.FromDays(14);

    /// <summary>Checks what can be checked without the database.</summary>
    public FieldErrors Validate(DateTimeOffset now)
    {
        var errors = new FieldErrors();
        errors.Required(TitleZhField, TitleZh, MaxTitle);
        errors.Required(TitleEnField, TitleEn, MaxTitle);
        errors.MaxLength(DescriptionZhField, DescriptionZh, MaxDescription, multiline: true);
        errors.MaxLength(DescriptionEnField, DescriptionEn, MaxDescription, multiline: true);
        if (Kind is null) errors.Add(KindField, "This field is required.");
        else if (!EventKinds.All.Contains(Kind)) errors.Add(KindField, Failure.NotKnown, Kind, string.Join(", ", EventKinds.All));
        if (StartsAt is null) errors.Add(StartsAtField, "This field is required.");
        else if (StartsAt < now) errors.Add(StartsAtField, "The start has passed.");
        if (EndsAt is null) errors.Add(EndsAtField, "This field is required.");
        else if (StartsAt is { } start && EndsAt <= start) errors.Add(EndsAtField, "The end must come after the start.");
        else if (StartsAt is { } from && EndsAt - from > MaxLength) errors.Add(EndsAtField, "An event lasts at most {0} days.", MaxLength.Days);
        if (TimeZone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
            errors.Add(TimeZoneField, "'{0}' is not a time zone (an IANA name such as Asia/Shanghai).", TimeZone);
        if (Capacity is null) errors.Add(CapacityField, "This field is required.");
        else if (Capacity is < 1 or > MaxCapacity) errors.Add(CapacityField, "A whole number from {0} to {1:#,0}.", 1, MaxCapacity);
        if (Registration is not null && !RegistrationModes.All.Contains(Registration))
            errors.Add(RegistrationField, Failure.NotKnown, Registration, string.Join(", ", RegistrationModes.All));
        CheckSessions(errors);
        return errors;
    }

    private void CheckSessions(FieldErrors errors)
    {
        if (Sessions is null) return;
        if (Sessions.Count > MaxSessions) errors.Add(SessionsField, "At most {0} sessions.", MaxSessions);
        for (var i = 0; i < Sessions.Count; i++)
        {
            var session = Sessions[i];
            var number = i + 1;
            if (string.IsNullOrWhiteSpace(session.TitleZh) || string.IsNullOrWhiteSpace(session.TitleEn))
                errors.Add(SessionsField, "Session {0}: a title in Chinese and in English is required.", number);
            else if (session.TitleZh.Length > MaxTitle || session.TitleEn.Length > MaxTitle)
                errors.Add(SessionsField, "Session {0}: a title has at most {1} characters.", number, MaxTitle);
            if (session.StartsAt is not { } start || session.EndsAt is not { } end || end <= start)
                errors.Add(SessionsField, "Session {0}: a start and a later end are required.", number);
            else if (StartsAt is { } eventStart && EndsAt is { } eventEnd && (start < eventStart || end > eventEnd))
                errors.Add(SessionsField, "Session {0} must lie within the event's times.", number);
            if (session.Speakers is { Count: > 20 }) errors.Add(SessionsField, "Session {0}: at most {1} speakers.", number, 20);
        }
    }
}

/// <summary>One session of the agenda: title in both languages, room, times, speakers ("Name, role").</summary>
public sealed record SessionInput(string? TitleZh, string? TitleEn, string? Room, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, IReadOnlyList<string>? Speakers);
