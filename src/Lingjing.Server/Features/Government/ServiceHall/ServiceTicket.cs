using Lingjing.Server.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lingjing.Server.Features.Government.ServiceHall;

/// <summary>
/// A number taken at a desk. It waits in the desk's queue in the order of <see cref="QueuedAt"/> (a visitor transferred
/// from another desk keeps the time they first queued), is called by an official, and ends done (with the outcome the
/// official noted, then the visitor's rating), as a no-show, transferred, or left by the visitor. It survives the
/// visitor leaving the hall: they come back to the same place in the queue.
/// </summary>
public sealed class ServiceTicket
{
    public Guid Id { get; set; }
    public int DeskId { get; set; }
    /// <summary>The zone's day the number belongs to; numbers start again every day.</summary>
    public DateOnly Day { get; set; }
    public int Sequence { get; set; }
    /// <summary>As called out and shown: the desk's letter and the day's sequence, e.g. <c>C012</c>.</summary>
    public required string Number { get; set; }
    public Guid UserId { get; set; }
    public required string VisitorName { get; set; }
    public int? EnterpriseId { get; set; }
    /// <summary>Code from <see cref="TicketStatus"/>.</summary>
    public string Status { get; set; } = TicketStatus.Waiting;
    public DateTime TakenAt { get; set; }
    public DateTime QueuedAt { get; set; }
    public DateTime? CalledAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public Guid? OfficialId { get; set; }
    public string? OfficialName { get; set; }
    public string? Outcome { get; set; }
    public Guid? TransferredFrom { get; set; }
    public int? Rating { get; set; }
    public string? RatingComment { get; set; }
}

public static class TicketStatus
{
    public const string Waiting = "waiting";
    public const string Called = "called";
    public const string Done = "done";
    public const string NoShow = "no-show";
    public const string Transferred = "transferred";
    public const string Left = "left";

    public static readonly IReadOnlyList<string> All = [Waiting, Called, Done, NoShow, Transferred, Left];

    /// <summary>Still in the hall's hands: waiting or being served.</summary>
    public static bool Active(string status) => status is Waiting or Called;
}

internal sealed class ServiceTicketConfiguration : IEntityTypeConfiguration<ServiceTicket>
{
    public void Configure(EntityTypeBuilder<ServiceTicket> ticket)
    {
        ticket.ToTable("service_tickets");
        ticket.HasKey(t => t.Id);
        ticket.HasIndex(t => new { t.DeskId, t.Day, t.Sequence }).IsUnique();
        ticket.HasIndex(t => new { t.DeskId, t.Status, t.QueuedAt });
        ticket.HasIndex(t => new { t.UserId, t.Status });
        ticket.HasIndex(t => t.TakenAt);
        ticket.HasOne<ServiceDesk>().WithMany().HasForeignKey(t => t.DeskId);
        ticket.HasOne<LingjingUser>().WithMany().HasForeignKey(t => t.UserId);
    }
}
