using Lingjing.Server.Features.Zone;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lingjing.Server.Features.Collaboration.Moderation;

internal sealed class CollaborationReportConfiguration : IEntityTypeConfiguration<CollaborationReport>
{
    public void Configure(EntityTypeBuilder<CollaborationReport> report)
    {
        report.ToTable("collaboration_reports");
        report.HasIndex(r => r.ReportKey).IsUnique();
        report.HasIndex(r => new { r.Status, r.CreatedAt });
        report.HasIndex(r => new { r.AuthorParkId, r.Status });
        report.HasIndex(r => new { r.TargetKind, r.TargetId });
        report.Ignore(r => r.Author);
    }
}

internal sealed class CollaborationSuspensionConfiguration : IEntityTypeConfiguration<CollaborationSuspension>
{
    public void Configure(EntityTypeBuilder<CollaborationSuspension> suspension)
    {
        suspension.ToTable("collaboration_suspensions");
        suspension.HasIndex(s => new { s.EnterpriseId, s.Until });
        suspension.HasIndex(s => new { s.InstitutionId, s.Until });
        suspension.HasOne<Enterprise>().WithMany().HasForeignKey(s => s.EnterpriseId);
        suspension.HasOne<Institution>().WithMany().HasForeignKey(s => s.InstitutionId);
    }
}
