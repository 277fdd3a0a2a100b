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
        booking.Property(b => b.Status).HasMaxLength(16);
        booking.Property(b => b.Purpose).HasMaxLength(BookingRules.MaxPurposeLength);
    }
}
