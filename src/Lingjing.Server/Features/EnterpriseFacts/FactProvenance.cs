namespace Lingjing.Server.Features.EnterpriseFacts;

/// <summary>Where the value of a fact comes from.</summary>
public static class FactProvenance
{
    /// <summary>Imported from the enterprise registry.</summary>
    public const string Registered = "registered";
    /// <summary>Declared by the enterprise and verified by its park operator or the government.</summary>
    public const string Verified = "verified";
    /// <summary>Declared by the enterprise and not yet verified: never used to decide anything.</summary>
    public const string Declared = "declared";
}
