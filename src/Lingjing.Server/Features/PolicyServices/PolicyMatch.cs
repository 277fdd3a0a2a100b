namespace Lingjing.Server.Features.PolicyServices;

/// <summary>An enterprise the policy's rule held for at the last rematch.</summary>
public sealed class PolicyMatch
{
    public int PolicyId { get; set; }
    public int EnterpriseId { get; set; }
    public DateTime MatchedAt { get; set; }
}
