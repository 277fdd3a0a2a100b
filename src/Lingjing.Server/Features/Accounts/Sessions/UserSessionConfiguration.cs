using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lingjing.Server.Features.Accounts.Sessions;

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> session)
    {
        session.ToTable("user_sessions");
        session.HasOne<LingjingUser>().WithMany().HasForeignKey(s => s.UserId);
        session.HasIndex(s => s.UserId);
        session.Property(s => s.Kind).HasMaxLength(10);
        session.Property(s => s.ClientAddress).HasMaxLength(64);
        session.Property(s => s.UserAgent).HasMaxLength(300);
        session.Property(s => s.SecurityStamp).HasMaxLength(256);
    }
}
