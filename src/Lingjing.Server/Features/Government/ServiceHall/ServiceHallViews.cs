namespace Lingjing.Server.Features.Government.ServiceHall;

/// <summary>A desk as everyone sees it: open now or when it opens next, its queue and its wait.</summary>
/// <param name="EtaMinutes">How long someone taking a number now would wait, by the desk's recent service times.</param>
/// <param name="AppointmentSpaceId">The space to book an appointment at (<c>/directory/spaces/{id}</c>), if any.</param>
public sealed record DeskView(
    int Id, string Code, string Category, string NameZh, string NameEn, bool Open, DateTimeOffset? ClosesAt, DateTimeOffset? NextOpening,
    string Hours, int Weekdays, int QueueLength, int OfficialsOnDuty, int EtaMinutes, int? AppointmentSpaceId, int Position);

/// <summary>A visitor's number: where it stands (<see cref="Position"/> 1 = next, while waiting), how long is left, who
/// called it and what came of it. <see cref="TransferredTo"/>: the number at the desk it was transferred to.</summary>
public sealed record TicketView(
    Guid Id, string Number, int DeskId, string DeskCode, string DeskNameZh, string DeskNameEn, string Status, int? Position, int? EtaMinutes,
    DateTimeOffset TakenAt, DateTimeOffset? CalledAt, DateTimeOffset? FinishedAt, string? OfficialName, string? Outcome, int? Rating,
    string? RatingComment, Guid? TransferredTo);

/// <summary>An official's view of a desk: who waits (in order, and since when), whom the desk is serving, who is on duty.</summary>
public sealed record DeskConsole(DeskView Desk, IReadOnlyList<ConsoleTicket> Waiting, IReadOnlyList<ConsoleTicket> Serving,
    IReadOnlyList<string> OfficialsOnDuty, bool SignedIn, int ServedToday);

public sealed record ConsoleTicket(Guid Id, string Number, string VisitorName, DateTimeOffset QueuedAt, DateTimeOffset? CalledAt, string? OfficialName,
    bool Transferred);

/// <summary>A change in a desk's queue, to every node's live streams.</summary>
public sealed record ServiceHallSignal(int DeskId);

public sealed record RatingInput(int? Stars, string? Comment);

public sealed record OutcomeInput(string? Outcome);

public sealed record TransferInput(int? DeskId, string? Note);

/// <summary>What a desk's console follows live: the waiting numbers in order, those called, the officials on duty.</summary>
public sealed record DeskState(IReadOnlyList<Guid> Waiting, IReadOnlyList<Guid> Called, int OfficialsOnDuty)
{
    public static DeskState Of(DeskQueue queue) => new(queue.Waiting, queue.Called.Order().ToList(), queue.OfficialsOnDuty);
}

/// <summary>What the government changes of a desk; a field left out stays as it is.</summary>
public sealed record DeskInput(string? NameZh, string? NameEn, int? Weekdays, string? Hours, int? AppointmentSpaceId);
