using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lingjing.Server.Features.Zone;

internal sealed class ParkConfiguration : IEntityTypeConfiguration<Park>
{
    public void Configure(EntityTypeBuilder<Park> park)
    {
        park.ToTable("parks");
        park.HasIndex(p => p.Code).IsUnique();
        park.HasMany(p => p.Buildings).WithOne().HasForeignKey(b => b.ParkId);
    }
}

internal sealed class BuildingConfiguration : IEntityTypeConfiguration<Building>
{
    public void Configure(EntityTypeBuilder<Building> building)
    {
        building.ToTable("buildings");
        building.HasIndex(b => b.ParkId);
    }
}

internal sealed class EnterpriseConfiguration : IEntityTypeConfiguration<Enterprise>
{
    public void Configure(EntityTypeBuilder<Enterprise> enterprise)
    {
        enterprise.ToTable("enterprises");
        enterprise.HasIndex(e => e.CreditCode).IsUnique();
        enterprise.HasIndex(e => new { e.ParkId, e.Category });
        enterprise.HasIndex(e => e.Category);
        enterprise.HasIndex(e => e.NameEn);
        enterprise.HasOne(e => e.Park).WithMany().HasForeignKey(e => e.ParkId);
        enterprise.HasOne<Building>().WithMany().HasForeignKey(e => e.BuildingId);
        enterprise.HasMany(e => e.Revenues).WithOne().HasForeignKey(r => r.EnterpriseId);
    }
}

internal sealed class EnterpriseRevenueConfiguration : IEntityTypeConfiguration<EnterpriseRevenue>
{
    public void Configure(EntityTypeBuilder<EnterpriseRevenue> revenue)
    {
        revenue.ToTable("enterprise_revenues");
        revenue.HasKey(r => new { r.EnterpriseId, r.Year });
    }
}

internal sealed class InstitutionConfiguration : IEntityTypeConfiguration<Institution>
{
    public void Configure(EntityTypeBuilder<Institution> institution)
    {
        institution.ToTable("institutions");
        institution.HasOne<Park>().WithMany().HasForeignKey(i => i.ParkId);
        institution.HasIndex(i => i.ServiceType);
    }
}

internal sealed class SpaceConfiguration : IEntityTypeConfiguration<Space>
{
    public void Configure(EntityTypeBuilder<Space> space)
    {
        space.ToTable("spaces");
        space.HasOne<Park>().WithMany().HasForeignKey(s => s.ParkId);
        space.HasOne<Building>().WithMany().HasForeignKey(s => s.BuildingId);
        space.HasIndex(s => new { s.ParkId, s.SpaceType });
    }
}
