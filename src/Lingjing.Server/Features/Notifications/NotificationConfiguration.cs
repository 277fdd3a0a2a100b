using Lingjing.Server.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lingjing.Server.Features.Notifications;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> notification)
    {
        notification.ToTable("notifications");
        notification.HasOne<LingjingUser>().WithMany().HasForeignKey(n => n.UserId);
        notification.HasIndex(n => new { n.UserId, n.Id });
        notification.Property(n => n.Kind).HasMaxLength(40);
        notification.Property(n => n.Title).HasMaxLength(200);
        notification.Property(n => n.TitleZh).HasMaxLength(200);
        notification.Property(n => n.Body).HasMaxLength(2000);
        notification.Property(n => n.BodyZh).HasMaxLength(2000);
        notification.Property(n => n.Link).HasMaxLength(500);
        notification.Property(n => n.DedupKey).HasMaxLength(200);
    }
}
