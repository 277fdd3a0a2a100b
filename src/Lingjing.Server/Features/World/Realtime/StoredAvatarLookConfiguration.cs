using Lingjing.Server.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lingjing.Server.Features.World.Realtime;

internal sealed class StoredAvatarLookConfiguration : IEntityTypeConfiguration<StoredAvatarLook>
{
    public void Configure(EntityTypeBuilder<StoredAvatarLook> look)
    {
        look.ToTable("avatar_looks");
        look.HasKey(l => l.UserId);
        look.HasIndex(l => l.ModelSha256);
        look.HasOne<LingjingUser>().WithOne().HasForeignKey<StoredAvatarLook>(l => l.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
