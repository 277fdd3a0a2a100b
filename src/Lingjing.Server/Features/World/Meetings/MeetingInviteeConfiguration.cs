using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Bookings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lingjing.Server.Features.World.Meetings;

internal sealed class MeetingInviteeConfiguration : IEntityTypeConfiguration<MeetingInvitee>
{
    public void Configure(EntityTypeBuilder<MeetingInvitee> invitee)
    {
        invitee.ToTable("meeting_invitees");
        invitee.HasKey(i => new { i.BookingId, i.UserId });
        invitee.HasIndex(i => i.UserId);
        invitee.HasOne<Booking>().WithMany().HasForeignKey(i => i.BookingId).OnDelete(DeleteBehavior.Cascade);
        invitee.HasOne<LingjingUser>().WithMany().HasForeignKey(i => i.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
