using Lingjing.Server.Features.Twins.Alarms;
using Lingjing.Server.Features.Twins.Devices;
using Lingjing.Server.Features.Twins.Graph;
using Lingjing.Server.Features.Twins.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lingjing.Server.Features.Twins;

internal sealed class TwinModelRecordConfiguration : IEntityTypeConfiguration<TwinModelRecord>
{
    public void Configure(EntityTypeBuilder<TwinModelRecord> model) => model.ToTable("twin_models");
}

internal sealed class TwinConfiguration : IEntityTypeConfiguration<Twin>
{
    public void Configure(EntityTypeBuilder<Twin> twin)
    {
        twin.ToTable("twins");
        twin.HasIndex(t => t.ModelId);
        twin.HasIndex(t => t.Path);
        twin.HasIndex(t => t.ParkId);
    }
}

internal sealed class TwinRelationshipConfiguration : IEntityTypeConfiguration<TwinRelationship>
{
    public void Configure(EntityTypeBuilder<TwinRelationship> relationship)
    {
        relationship.ToTable("twin_relationships");
        relationship.HasKey(r => new { r.SourceId, r.Name, r.TargetId });
        // Declared so EF inserts twins before the edges between them.
        relationship.HasOne<Twin>().WithMany().HasForeignKey(r => r.SourceId);
        relationship.HasOne<Twin>().WithMany().HasForeignKey(r => r.TargetId);
    }
}

internal sealed class DeviceConfiguration : IEntityTypeConfiguration<Device>
{
    public void Configure(EntityTypeBuilder<Device> device)
    {
        device.ToTable("devices");
        device.HasIndex(d => d.TokenHash).IsUnique();
        device.HasOne<Twin>().WithOne().HasForeignKey<Device>(d => d.Id);
    }
}

internal sealed class AlarmRuleConfiguration : IEntityTypeConfiguration<AlarmRule>
{
    public void Configure(EntityTypeBuilder<AlarmRule> rule) => rule.ToTable("alarm_rules");
}

internal sealed class AlarmConfiguration : IEntityTypeConfiguration<Alarm>
{
    public void Configure(EntityTypeBuilder<Alarm> alarm)
    {
        alarm.ToTable("alarms");
        alarm.HasIndex(a => new { a.ParkId, a.State });
    }
}
