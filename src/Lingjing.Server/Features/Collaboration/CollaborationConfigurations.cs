using Lingjing.Server.Features.Zone;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lingjing.Server.Features.Collaboration;

internal sealed class NeedConfiguration : IEntityTypeConfiguration<Need>
{
    public void Configure(EntityTypeBuilder<Need> need)
    {
        need.ToTable("collaboration_needs");
        need.HasIndex(n => new { n.Status, n.CreatedAt });
        need.HasIndex(n => n.EnterpriseId);
        need.HasOne<Enterprise>().WithMany().HasForeignKey(n => n.EnterpriseId);
    }
}

internal sealed class NeedEventConfiguration : IEntityTypeConfiguration<NeedEvent>
{
    public void Configure(EntityTypeBuilder<NeedEvent> entry)
    {
        entry.ToTable("collaboration_need_events");
        entry.HasIndex(e => new { e.NeedId, e.At });
        entry.HasOne<Need>().WithMany().HasForeignKey(e => e.NeedId);
    }
}

internal sealed class OfferConfiguration : IEntityTypeConfiguration<Offer>
{
    public void Configure(EntityTypeBuilder<Offer> offer)
    {
        offer.ToTable("collaboration_offers");
        offer.HasIndex(o => new { o.Active, o.Segment });
        offer.HasIndex(o => o.EnterpriseId);
        offer.HasOne<Enterprise>().WithMany().HasForeignKey(o => o.EnterpriseId);
    }
}
