using Lingjing.Server.Features.Zone;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lingjing.Server.Features.PolicyServices;

internal sealed class PolicyConfiguration : IEntityTypeConfiguration<Policy>
{
    public void Configure(EntityTypeBuilder<Policy> policy)
    {
        policy.ToTable("policies");
        policy.HasIndex(p => new { p.Status, p.Category });
    }
}

internal sealed class PolicyMatchConfiguration : IEntityTypeConfiguration<PolicyMatch>
{
    public void Configure(EntityTypeBuilder<PolicyMatch> match)
    {
        match.ToTable("policy_matches");
        match.HasKey(m => new { m.PolicyId, m.EnterpriseId });
        match.HasIndex(m => m.EnterpriseId);
        match.HasOne<Policy>().WithMany().HasForeignKey(m => m.PolicyId);
        match.HasOne<Enterprise>().WithMany().HasForeignKey(m => m.EnterpriseId);
    }
}

internal sealed class PolicyApplicationConfiguration : IEntityTypeConfiguration<PolicyApplication>
{
    public void Configure(EntityTypeBuilder<PolicyApplication> application)
    {
        application.ToTable("policy_applications");
        application.HasIndex(a => new { a.PolicyId, a.EnterpriseId }).IsUnique();
        application.HasIndex(a => new { a.EnterpriseId, a.CreatedAt });
        application.HasIndex(a => new { a.Status, a.CreatedAt });
        application.HasIndex(a => a.MatterId);
        application.HasIndex(a => a.DueOn);
        application.HasOne<Policy>().WithMany().HasForeignKey(a => a.PolicyId);
        application.HasOne<Matters.Matter>().WithMany().HasForeignKey(a => a.MatterId);
        application.HasOne<Enterprise>().WithMany().HasForeignKey(a => a.EnterpriseId);
    }
}

internal sealed class ApplicationEventConfiguration : IEntityTypeConfiguration<ApplicationEvent>
{
    public void Configure(EntityTypeBuilder<ApplicationEvent> e)
    {
        e.ToTable("policy_application_events");
        e.HasIndex(x => new { x.ApplicationId, x.At });
        e.HasOne<PolicyApplication>().WithMany().HasForeignKey(x => x.ApplicationId);
    }
}

internal sealed class ApplicationMaterialConfiguration : IEntityTypeConfiguration<ApplicationMaterial>
{
    public void Configure(EntityTypeBuilder<ApplicationMaterial> m)
    {
        m.ToTable("policy_application_materials");
        m.HasIndex(x => x.ApplicationId);
        m.HasOne<PolicyApplication>().WithMany().HasForeignKey(x => x.ApplicationId);
    }
}
