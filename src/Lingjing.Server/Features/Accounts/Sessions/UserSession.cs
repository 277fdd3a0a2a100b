namespace Lingjing.Server.Features.Accounts.Sessions;

/// <summary>One signed-in browser (cookie) or API client (bearer token). The cookie or token carries
/// the session's id (<see cref="SessionClaims.SessionId"/>); every request checks the row, so ending
/// the session ends the cookie or token.</summary>
public sealed class UserSession
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    /// <summary><see cref="SessionKinds.Cookie"/> or <see cref="SessionKinds.Token"/>.</summary>
    public string Kind { get; set; } = "";
    public string ClientAddress { get; set; } = "";
    public string UserAgent { get; set; } = "";
    /// <summary>The user's security stamp when the session started: a password change or a lock
    /// renews the stamp, which ends every session started before it.</summary>
    public string? SecurityStamp { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime LastSeenAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? EndedAt { get; set; }
}

public static class SessionKinds
{
    public const string Cookie = "cookie";
    public const string Token = "token";
}

public static class SessionClaims
{
    public const string SessionId = "lingjing:sid";
}
