namespace Lingjing.Server.Features.PolicyServices;

/// <summary>The <c>Lingjing:Policies</c> configuration section.</summary>
public sealed class PolicyOptions
{
    public const string Section = "Lingjing:Policies";

    /// <summary>How often the rematch job looks for changed enterprise profiles, in minutes; 0 turns it off.</summary>
    public double RematchIntervalMinutes { get; set; } = 15;
}
