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
        offer.HasIndex(o => o.InstitutionId);
        offer.Ignore(o => o.Owner);
        offer.HasOne<Enterprise>().WithMany().HasForeignKey(o => o.EnterpriseId);
        offer.HasOne<Institution>().WithMany().HasForeignKey(o => o.InstitutionId);
    }
}

internal sealed class AgreementConfiguration : IEntityTypeConfiguration<Agreement>
{
    public void Configure(EntityTypeBuilder<Agreement> agreement)
    {
        agreement.ToTable("collaboration_agreements");
        agreement.HasIndex(a => a.NeedId);
        agreement.HasIndex(a => new { a.PartnerEnterpriseId, a.Status });
        agreement.HasIndex(a => new { a.PartnerInstitutionId, a.Status });
        agreement.Ignore(a => a.Partner);
        agreement.HasIndex(a => new { a.ClientEnterpriseId, a.Status });
        agreement.HasOne<Need>().WithMany().HasForeignKey(a => a.NeedId);
        agreement.HasOne<Enterprise>().WithMany().HasForeignKey(a => a.ClientEnterpriseId).OnDelete(DeleteBehavior.Restrict);
        agreement.HasOne<Enterprise>().WithMany().HasForeignKey(a => a.PartnerEnterpriseId).OnDelete(DeleteBehavior.Restrict);
        agreement.HasOne<Institution>().WithMany().HasForeignKey(a => a.PartnerInstitutionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AgreementRatingConfiguration : IEntityTypeConfiguration<AgreementRating>
{
    public void Configure(EntityTypeBuilder<AgreementRating> rating)
    {
        rating.ToTable("collaboration_agreement_ratings");
        // One rating per side of an agreement, even when both of its people rate at once.
        rating.HasIndex(r => new { r.AgreementId, r.Side }).IsUnique();
        rating.HasIndex(r => r.RatedEnterpriseId);
        rating.HasIndex(r => r.RatedInstitutionId);
        rating.HasOne<Agreement>().WithMany().HasForeignKey(r => r.AgreementId);
    }
}
