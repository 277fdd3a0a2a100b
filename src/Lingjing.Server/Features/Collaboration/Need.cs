namespace Lingjing.Server.Features.Collaboration;

/// <summary>What an enterprise is looking for a partner to do, written in its own words and language.</summary>
public sealed class Need
{
    public int Id { get; set; }
    public int EnterpriseId { get; set; }
    public required string Title { get; set; }
    public string Description { get; set; } = "";
    /// <summary>Code from <see cref="IndustryChain.Segments"/>.</summary>
    public required string Segment { get; set; }
    public List<string> Tags { get; set; } = [];
    public long? BudgetMinYuan { get; set; }
    public long? BudgetMaxYuan { get; set; }
    public DateOnly? Deadline { get; set; }
    /// <summary>Code from <see cref="PartnerSizes"/>.</summary>
    public string PartnerSize { get; set; } = PartnerSizes.Any;
    /// <summary>Code from <see cref="Visibilities"/>; the parks or the invited enterprises it names.</summary>
    public string Visibility { get; set; } = Visibilities.Zone;
    public List<int> VisibleParkIds { get; set; } = [];
    public List<int> InvitedEnterpriseIds { get; set; } = [];
    /// <summary>Code from <see cref="NeedStatus"/>.</summary>
    public string Status { get; set; } = NeedStatus.Open;
    public Guid? CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
