using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Lingjing.Server.Features.Accounts.Sessions;

/// <summary>This node's recent answers to "is session X still on?", so a request costs a dictionary
/// lookup instead of a query. Entries older than <see cref="SignInSessionOptions.CacheSeconds"/> are asked
/// again; ending a session on this node removes its entry at once.</summary>
public sealed class SessionCache(TimeProvider time, IOptionsMonitor<SignInSessionOptions> options)
{
    private readonly ConcurrentDictionary<Guid, Entry> entries = new();

    private sealed record Entry(Guid UserId, bool Active, DateTimeOffset CheckedAt);

    public bool? Lookup(Guid sessionId, Guid userId)
    {
        if (!entries.TryGetValue(sessionId, out var entry)) return null;
        if (entry.UserId != userId) return false;
        if (time.GetUtcNow() - entry.CheckedAt >= TimeSpan.FromSeconds(options.CurrentValue.CacheSeconds)) return null;
        return entry.Active;
    }

    public void Remember(Guid sessionId, Guid userId, bool active)
    {
        if (entries.Count > 200_000) Prune();
        entries[sessionId] = new Entry(userId, active, time.GetUtcNow());
    }

    public void Forget(Guid sessionId) => entries.TryRemove(sessionId, out _);

    public void ForgetUser(Guid userId)
    {
        foreach (var (id, entry) in entries)
            if (entry.UserId == userId) entries.TryRemove(id, out _);
    }

    private void Prune()
    {
        var stale = time.GetUtcNow() - TimeSpan.FromSeconds(options.CurrentValue.CacheSeconds);
        foreach (var (id, entry) in entries)
            if (entry.CheckedAt < stale) entries.TryRemove(id, out _);
    }
}
