using Lingjing.Server.Features.Zone;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lingjing.Server.Features.EnterpriseFacts;

internal sealed class FactChangeConfiguration : IEntityTypeConfiguration<FactChange>
{
    public void Configure(EntityTypeBuilder<FactChange> change)
    {
        change.ToTable("enterprise_fact_changes");
        change.HasIndex(c => new { c.EnterpriseId, c.Status });
        change.HasIndex(c => new { c.Status, c.ProposedAt });
        change.HasOne<Enterprise>().WithMany().HasForeignKey(c => c.EnterpriseId);
    }
}

internal sealed class FactHistoryEntryConfiguration : IEntityTypeConfiguration<FactHistoryEntry>
{
    public void Configure(EntityTypeBuilder<FactHistoryEntry> entry)
    {
        entry.ToTable("enterprise_fact_history");
        entry.HasIndex(e => new { e.EnterpriseId, e.Fact, e.At });
        entry.HasOne<Enterprise>().WithMany().HasForeignKey(e => e.EnterpriseId);
    }
}
