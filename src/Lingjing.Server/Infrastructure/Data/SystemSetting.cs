using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lingjing.Server.Infrastructure.Data;

/// <summary>A key/value fact about this installation (e.g. whether the demo zone was seeded).</summary>
public sealed class SystemSetting
{
    public required string Key { get; set; }
    public required string Value { get; set; }
}

internal sealed class SystemSettingConfiguration : IEntityTypeConfiguration<SystemSetting>
{
    public void Configure(EntityTypeBuilder<SystemSetting> setting)
    {
        setting.ToTable("system_settings");
        setting.HasKey(s => s.Key);
    }
}
