using Lingjing.Server.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

using Lingjing.Server.Features.PolicyServices;

namespace Lingjing.Server.Features.Government.ServiceHall;

/// <summary>
/// A desk of the government's service hall: one per category of matter (<see cref="ServiceCategories"/>), with its
/// opening hours (<see cref="DeskHours"/>) and the space visitors book an appointment at when it is closed. Its place in
/// the hall's world is <see cref="Position"/> along the counter.
/// </summary>
public sealed class ServiceDesk
{
    public int Id { get; set; }
    /// <summary>The letter of its numbers: A, B, C…</summary>
    public required string Code { get; set; }
    public required string Category { get; set; }
    public required string NameZh { get; set; }
    public required string NameEn { get; set; }
    /// <summary>Working days as a bit mask, Monday = 1 … Sunday = 64.</summary>
    public int Weekdays { get; set; } = DeskHours.MondayToFriday;
    /// <summary>Opening periods of a working day, zone time, e.g. <c>09:00-12:00,13:30-17:30</c>.</summary>
    public required string Hours { get; set; }
    /// <summary>The bookable space for appointments outside the hall's hours; null when it offers none.</summary>
    public int? AppointmentSpaceId { get; set; }
    public int Position { get; set; }
}

/// <summary>An official who serves at a desk: on the days of <see cref="Weekdays"/> (their schedule), and signed in to it
/// now when <see cref="SignedInAt"/> is set. An official is signed in to one desk at a time.</summary>
public sealed class DeskOfficial
{
    public int DeskId { get; set; }
    public Guid UserId { get; set; }
    public int Weekdays { get; set; } = DeskHours.MondayToFriday;
    public DateTime? SignedInAt { get; set; }
}

internal sealed class ServiceDeskConfiguration : IEntityTypeConfiguration<ServiceDesk>
{
    public void Configure(EntityTypeBuilder<ServiceDesk> desk)
    {
        desk.ToTable("service_desks");
        desk.HasKey(d => d.Id);
        desk.HasIndex(d => d.Code).IsUnique();
    }
}

internal sealed class DeskOfficialConfiguration : IEntityTypeConfiguration<DeskOfficial>
{
    public void Configure(EntityTypeBuilder<DeskOfficial> official)
    {
        official.ToTable("service_desk_officials");
        official.HasKey(o => new { o.DeskId, o.UserId });
        official.HasIndex(o => o.UserId);
        official.HasOne<ServiceDesk>().WithMany().HasForeignKey(o => o.DeskId);
        official.HasOne<LingjingUser>().WithMany().HasForeignKey(o => o.UserId);
    }
}
