using Lingjing.Server.Features.Accounts;
using Lingjing.Server.Features.Zone;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lingjing.Server.Features.Events.Expo;

internal sealed class BoothConfiguration : IEntityTypeConfiguration<Booth>
{
    public void Configure(EntityTypeBuilder<Booth> booth)
    {
        booth.ToTable("expo_booths");
        booth.HasIndex(b => new { b.Hall, b.Code }).IsUnique();
        booth.HasIndex(b => b.EventId);
        booth.HasIndex(b => b.EnterpriseId);
        booth.HasOne<Event>().WithMany().HasForeignKey(b => b.EventId);
        booth.HasOne<Enterprise>().WithMany().HasForeignKey(b => b.EnterpriseId);
    }
}

internal sealed class BoothVisitConfiguration : IEntityTypeConfiguration<BoothVisit>
{
    public void Configure(EntityTypeBuilder<BoothVisit> visit)
    {
        visit.ToTable("expo_booth_visits");
        visit.HasKey(v => new { v.BoothId, v.UserId, v.Day });
        visit.HasIndex(v => v.UserId);
        visit.HasOne<Booth>().WithMany().HasForeignKey(v => v.BoothId);
        visit.HasOne<LingjingUser>().WithMany().HasForeignKey(v => v.UserId);
    }
}

internal sealed class BoothLeadConfiguration : IEntityTypeConfiguration<BoothLead>
{
    public void Configure(EntityTypeBuilder<BoothLead> lead)
    {
        lead.ToTable("expo_booth_leads");
        lead.HasKey(l => new { l.BoothId, l.UserId });
        lead.HasIndex(l => l.UserId);
        lead.HasOne<Booth>().WithMany().HasForeignKey(l => l.BoothId);
        lead.HasOne<LingjingUser>().WithMany().HasForeignKey(l => l.UserId);
    }
}
