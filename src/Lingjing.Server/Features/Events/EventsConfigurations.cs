using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Bookings;
using Lingjing.Server.Features.Zone;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lingjing.Server.Features.Events;

internal sealed class EventConfiguration : IEntityTypeConfiguration<Event>
{
    public void Configure(EntityTypeBuilder<Event> entity)
    {
        entity.ToTable("events");
        entity.HasIndex(e => new { e.Status, e.StartsAt });
        entity.HasIndex(e => e.EnterpriseId);
        entity.HasOne<Park>().WithMany().HasForeignKey(e => e.ParkId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Enterprise>().WithMany().HasForeignKey(e => e.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Booking>().WithMany().HasForeignKey(e => e.SpaceBookingId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class EventSessionConfiguration : IEntityTypeConfiguration<EventSession>
{
    public void Configure(EntityTypeBuilder<EventSession> session)
    {
        session.ToTable("event_sessions");
        session.HasIndex(s => new { s.EventId, s.StartsAt });
        session.HasOne<Event>().WithMany().HasForeignKey(s => s.EventId);
    }
}

internal sealed class EventRegistrationConfiguration : IEntityTypeConfiguration<EventRegistration>
{
    public void Configure(EntityTypeBuilder<EventRegistration> registration)
    {
        registration.ToTable("event_registrations");
        registration.HasIndex(r => new { r.EventId, r.UserId }).IsUnique();
        registration.HasIndex(r => r.UserId);
        registration.HasOne<Event>().WithMany().HasForeignKey(r => r.EventId);
        registration.HasOne<LingjingUser>().WithMany().HasForeignKey(r => r.UserId);
    }
}

internal sealed class EventOrganiserConfiguration : IEntityTypeConfiguration<EventOrganiser>
{
    public void Configure(EntityTypeBuilder<EventOrganiser> organiser)
    {
        organiser.ToTable("event_organisers");
        organiser.HasKey(o => o.EnterpriseId);
        organiser.Property(o => o.EnterpriseId).ValueGeneratedNever();
        organiser.HasOne<Enterprise>().WithMany().HasForeignKey(o => o.EnterpriseId);
    }
}
