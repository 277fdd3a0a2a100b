namespace Lingjing.Server.Features.Collaboration;

/// <summary>What an enterprise or a service institution offers to do for others: a capability, a service or a product,
/// with examples of its work. Offers are visible to the whole zone.</summary>
public sealed class Offer
{
    public int Id { get; set; }
    /// <summary>The enterprise that offers it, or null when an institution does (<see cref="InstitutionId"/>).</summary>
    public int? EnterpriseId { get; set; }
    public int? InstitutionId { get; set; }
    /// <summary>Code from <see cref="OfferKinds"/>.</summary>
    public required string Kind { get; set; }
    public required string Title { get; set; }
    public string Description { get; set; } = "";
    /// <summary>Code from <see cref="IndustryChain.Segments"/>.</summary>
    public required string Segment { get; set; }
    public List<string> Tags { get; set; } = [];
    public long? PriceMinYuan { get; set; }
    public long? PriceMaxYuan { get; set; }
    /// <summary>Past work, one line each ("Museum of Song dynasty ceramics, 12-minute 3D film, 2025").</summary>
    public List<string> Examples { get; set; } = [];
    /// <summary>False once withdrawn: it no longer shows in lists or matches.</summary>
    public bool Active { get; set; } = true;
    public Guid? CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public Party Owner => new(EnterpriseId, InstitutionId);
}
