using Lingjing.Server.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lingjing.Server.Features.Events.Stage;

internal sealed class StagePlaceConfiguration : IEntityTypeConfiguration<StagePlace>
{
    public void Configure(EntityTypeBuilder<StagePlace> place)
    {
        place.ToTable("event_stage_places");
        place.HasKey(p => new { p.EventId, p.UserId });
        place.HasOne<Event>().WithMany().HasForeignKey(p => p.EventId);
        place.HasOne<LingjingUser>().WithMany().HasForeignKey(p => p.UserId);
    }
}

internal sealed class EventChatMessageConfiguration : IEntityTypeConfiguration<EventChatMessage>
{
    public void Configure(EntityTypeBuilder<EventChatMessage> message)
    {
        message.ToTable("event_chat_messages");
        message.HasIndex(m => new { m.EventId, m.SessionId, m.Id });
        message.HasOne<Event>().WithMany().HasForeignKey(m => m.EventId);
        message.HasOne<EventSession>().WithMany().HasForeignKey(m => m.SessionId).OnDelete(DeleteBehavior.SetNull);
        message.HasOne<LingjingUser>().WithMany().HasForeignKey(m => m.UserId);
    }
}
