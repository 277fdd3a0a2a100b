namespace Lingjing.Server.Infrastructure.Web;

/// <summary>The <c>Lingjing:RateLimits</c> configuration section: how many requests a caller (a
/// signed-in user, or a client address when nobody is signed in) may make per window.</summary>
public sealed class RateLimitSettings
{
    public const string Section = "Lingjing:RateLimits";

    public bool Enabled { get; set; } = true;
    /// <summary>POST, PUT, PATCH and DELETE requests.</summary>
    public RateLimitRule Writes { get; set; } = new() { PermitLimit = 300, WindowSeconds = 60 };
    /// <summary>The reads named in <see cref="RateLimiting.ExpensiveReads"/>: search, history, exports, world join.</summary>
    public RateLimitRule ExpensiveReads { get; set; } = new() { PermitLimit = 300, WindowSeconds = 60 };
}

public sealed class RateLimitRule
{
    public int PermitLimit { get; set; }
    public int WindowSeconds { get; set; }
}
