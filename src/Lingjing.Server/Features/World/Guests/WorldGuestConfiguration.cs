using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Zone;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lingjing.Server.Features.World.Guests;

internal sealed class WorldGuestConfiguration : IEntityTypeConfiguration<WorldGuest>
{
    public void Configure(EntityTypeBuilder<WorldGuest> guest)
    {
        guest.ToTable("world_guests");
        guest.HasKey(g => g.Id);
        guest.Property(g => g.Email).HasMaxLength(256);
        guest.Property(g => g.NormalizedEmail).HasMaxLength(256);
        guest.HasIndex(g => new { g.ParkId, g.NormalizedEmail }).IsUnique();
        guest.HasOne<Park>().WithMany().HasForeignKey(g => g.ParkId).OnDelete(DeleteBehavior.Cascade);
        guest.HasOne<LingjingUser>().WithMany().HasForeignKey(g => g.InvitedBy).OnDelete(DeleteBehavior.SetNull);
    }
}
