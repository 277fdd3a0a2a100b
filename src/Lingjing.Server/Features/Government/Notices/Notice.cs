using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lingjing.Server.Features.Government.Notices;

/// <summary>A notice the government published: for the enterprises of the parks, industries and size classes it names
/// (an empty list: all of them), delivered as notifications and listed publicly.</summary>
public sealed class Notice
{
    public int Id { get; set; }
    public required string TitleZh { get; set; }
    public required string TitleEn { get; set; }
    public required string BodyZh { get; set; }
    public required string BodyEn { get; set; }
    public List<int> ParkIds { get; set; } = [];
    /// <summary>Industries (<see cref="Zone.EnterpriseCategories"/> codes).</summary>
    public List<string> Categories { get; set; } = [];
    /// <summary>Size classes by employees (<see cref="NoticeTargets.SizeClasses"/>).</summary>
    public List<string> SizeClasses { get; set; } = [];
    public DateTime PublishedAt { get; set; }
    public Guid PublishedBy { get; set; }
    public required string PublisherName { get; set; }
    /// <summary>How many enterprises it was delivered to.</summary>
    public int EnterprisesReached { get; set; }
}

internal sealed class NoticeConfiguration : IEntityTypeConfiguration<Notice>
{
    public void Configure(EntityTypeBuilder<Notice> notice)
    {
        notice.ToTable("gov_notices");
        notice.HasKey(n => n.Id);
        notice.HasIndex(n => n.PublishedAt);
    }
}
