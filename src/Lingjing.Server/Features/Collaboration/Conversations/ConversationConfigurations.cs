using Lingjing.Server.Features.Zone;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lingjing.Server.Features.Collaboration.Conversations;

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> conversation)
    {
        conversation.ToTable("collaboration_conversations");
        conversation.HasIndex(c => c.TopicKey).IsUnique();
        conversation.HasIndex(c => new { c.StarterEnterpriseId, c.LastMessageAt });
        conversation.HasIndex(c => new { c.StarterInstitutionId, c.LastMessageAt });
        conversation.HasIndex(c => new { c.OtherEnterpriseId, c.LastMessageAt });
        conversation.HasIndex(c => new { c.OtherInstitutionId, c.LastMessageAt });
        conversation.HasIndex(c => c.NeedId);
        conversation.HasIndex(c => c.OfferId);
        conversation.Ignore(c => c.Starter);
        conversation.Ignore(c => c.Other);
        conversation.HasOne<Need>().WithMany().HasForeignKey(c => c.NeedId);
        conversation.HasOne<Offer>().WithMany().HasForeignKey(c => c.OfferId);
        conversation.HasOne<Enterprise>().WithMany().HasForeignKey(c => c.StarterEnterpriseId);
        conversation.HasOne<Institution>().WithMany().HasForeignKey(c => c.StarterInstitutionId);
        conversation.HasOne<Enterprise>().WithMany().HasForeignKey(c => c.OtherEnterpriseId);
        conversation.HasOne<Institution>().WithMany().HasForeignKey(c => c.OtherInstitutionId);
    }
}

internal sealed class ConversationMessageConfiguration : IEntityTypeConfiguration<ConversationMessage>
{
    public void Configure(EntityTypeBuilder<ConversationMessage> message)
    {
        message.ToTable("collaboration_messages");
        message.HasIndex(m => new { m.ConversationId, m.Id });
        message.HasOne<Conversation>().WithMany().HasForeignKey(m => m.ConversationId);
    }
}

internal sealed class ContactRuleConfiguration : IEntityTypeConfiguration<ContactRule>
{
    public void Configure(EntityTypeBuilder<ContactRule> rule)
    {
        rule.ToTable("collaboration_contact_rules");
        rule.HasIndex(r => r.EnterpriseId).IsUnique();
        rule.HasIndex(r => r.InstitutionId).IsUnique();
        rule.HasOne<Enterprise>().WithMany().HasForeignKey(r => r.EnterpriseId);
        rule.HasOne<Institution>().WithMany().HasForeignKey(r => r.InstitutionId);
    }
}
