namespace Lingjing.Server.Features.Events;

public static class EventKinds
{
    public const string Conference = "conference";
    public const string Forum = "forum";
    public const string Launch = "launch";
    public const string Exhibition = "exhibition";
    public const string Training = "training";
    public static readonly IReadOnlyList<string> All = [Conference, Forum, Launch, Exhibition, Training];
}

public static class Organisers
{
    public const string Government = "government";
    public const string Park = "park";
    public const string Enterprise = "enterprise";
}

/// <summary>How people get a seat: <c>open</c> (at once), <c>approval</c> (the organiser decides; the seat is held
/// meanwhile) or <c>invitation</c> (only people the organiser invited).</summary>
public static class RegistrationModes
{
    public const string Open = "open";
    public const string Approval = "approval";
    public const string Invitation = "invitation";
    public static readonly IReadOnlyList<string> All = [Open, Approval, Invitation];
}

public static class EventStatus
{
    public const string Draft = "draft";
    public const string Published = "published";
    public const string Cancelled = "cancelled";
}

public static class RegistrationStatus
{
    public const string Invited = "invited";
    public const string Pending = "pending";
    public const string Confirmed = "confirmed";
    public const string Declined = "declined";
    public const string Cancelled = "cancelled";

    /// <summary>The statuses that hold a seat.</summary>
    public static readonly IReadOnlyList<string> HoldingSeat = [Pending, Confirmed];
}

public static class Attendance
{
    public const string InPerson = "in_person";
    public const string Online = "online";
    public static readonly IReadOnlyList<string> All = [InPerson, Online];
}

/// <summary>Where online attendees go: the event's own hall with a stage (<see cref="Hall"/>), the whole zone, or a
/// park's world (<c>park-{id}</c>).</summary>
public static class EventVenues
{
    public const string Hall = "hall";
    public const string Zone = "zone";
    public const string ParkPrefix = "park-";
}
