using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Zone;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lingjing.Server.Features.Bookings;

internal sealed class BookingConfiguration : IEntityTypeConfiguration<Booking>
{
    public void Configure(EntityTypeBuilder<Booking> booking)
    {
        booking.ToTable("bookings");
        booking.HasOne<Space>().WithMany().HasForeignKey(b => b.SpaceId);
        booking.HasOne<LingjingUser>().WithMany().HasForeignKey(b => b.UserId);
        booking.HasIndex(b => new { b.SpaceId, b.StartsAt });
        booking.HasIndex(b => b.UserId);
        booking.HasIndex(b => new { b.UserId, b.EndsAt });
        booking.Property(b => b.Status).HasMaxLength(16);
        booking.Property(b => b.Purpose).HasMaxLength(BookingRules.MaxPurposeLength);
        booking.Property(b => b.CheckInCode).HasMaxLength(32);
        booking.Property(b => b.DecisionReason).HasMaxLength(BookingRules.MaxReasonLength);
    }
}

internal sealed class SpaceBookingRulesConfiguration : IEntityTypeConfiguration<SpaceBookingRules>
{
    public void Configure(EntityTypeBuilder<SpaceBookingRules> rules)
    {
        rules.ToTable("space_booking_rules");
        rules.HasKey(r => r.SpaceId);
        rules.Property(r => r.SpaceId).ValueGeneratedNever();
        rules.HasOne<Space>().WithOne().HasForeignKey<SpaceBookingRules>(r => r.SpaceId);
        rules.Property(r => r.Audience).HasMaxLength(24);
    }
}

internal sealed class SpaceBlackoutConfiguration : IEntityTypeConfiguration<SpaceBlackout>
{
    public void Configure(EntityTypeBuilder<SpaceBlackout> blackout)
    {
        blackout.ToTable("space_blackouts");
        blackout.HasOne<Space>().WithMany().HasForeignKey(b => b.SpaceId);
        blackout.HasIndex(b => b.SpaceId);
        blackout.Property(b => b.Reason).HasMaxLength(200);
    }
}

internal sealed class ParkBookingLimitsConfiguration : IEntityTypeConfiguration<ParkBookingLimits>
{
    public void Configure(EntityTypeBuilder<ParkBookingLimits> limits)
    {
        limits.ToTable("park_booking_limits");
        limits.HasKey(l => l.ParkId);
        limits.Property(l => l.ParkId).ValueGeneratedNever();
        limits.HasOne<Park>().WithOne().HasForeignKey<ParkBookingLimits>(l => l.ParkId);
    }
}
