namespace Lingjing.Server.Features.Accounts.Sessions;

/// <summary>A session as its owner sees it in the list of active sessions.</summary>
public sealed record SessionView(Guid Id, string Kind, string ClientAddress, string UserAgent,
    DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt, DateTimeOffset ExpiresAt, bool Current);
