namespace Lingjing.Server.Features.Accounts.Sessions;

/// <summary>The <c>Lingjing:Sessions</c> configuration section.</summary>
public sealed class SignInSessionOptions
{
    public const string Section = "Lingjing:Sessions";

    /// <summary>How long a node trusts its last look at a session. Sign-out on the node that serves it
    /// is immediate; on other nodes (and for a lock or password change elsewhere) it takes at most this.</summary>
    public int CacheSeconds { get; set; } = 30;
    /// <summary>A cookie session lasts this long after it was last seen (the cookie slides as well).</summary>
    public int CookieDays { get; set; } = 7;
}
