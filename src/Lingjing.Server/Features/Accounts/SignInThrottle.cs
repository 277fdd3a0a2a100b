using System.Collections.Concurrent;

namespace Lingjing.Server.Features.Accounts;

/// <summary>Slows down password guessing. Only failures count, so many people signing in correctly
/// from one address (an office, a load tool) are never blocked. Per account: after
/// <see cref="AccountFailureLimit"/> failures in the window the account waits (Identity's lockout
/// then also applies). Per client address: a much larger budget, against spraying many accounts.</summary>
public sealed class SignInThrottle(TimeProvider time)
{
    public const int AccountFailureLimit = 10;
    public const int AddressFailureLimit = 100;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, FailureWindow> accounts = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, FailureWindow> addresses = new();

    /// <summary>How long the caller must wait before trying again, or null when it may try now.</summary>
    public TimeSpan? RetryAfter(string account, string address)
    {
        var now = time.GetUtcNow();
        return Max(Wait(accounts, account, AccountFailureLimit, now), Wait(addresses, address, AddressFailureLimit, now));
    }

    public void RecordFailure(string account, string address)
    {
        var now = time.GetUtcNow();
        accounts.GetOrAdd(account, _ => new FailureWindow()).Add(now);
        addresses.GetOrAdd(address, _ => new FailureWindow()).Add(now);
        if (accounts.Count > 100_000) Prune(accounts, now);
        if (addresses.Count > 100_000) Prune(addresses, now);
    }

    public void RecordSuccess(string account) => accounts.TryRemove(account, out _);

    private static TimeSpan? Wait(ConcurrentDictionary<string, FailureWindow> windows, string key, int limit, DateTimeOffset now) =>
        windows.TryGetValue(key, out var window) ? window.WaitWhenOver(limit, now) : null;

    private static TimeSpan? Max(TimeSpan? a, TimeSpan? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static void Prune(ConcurrentDictionary<string, FailureWindow> windows, DateTimeOffset now)
    {
        foreach (var (key, window) in windows)
            if (window.IsEmpty(now)) windows.TryRemove(key, out _);
    }

    private sealed class FailureWindow
    {
        private readonly Queue<DateTimeOffset> failures = new();

        public void Add(DateTimeOffset at)
        {
            lock (failures) failures.Enqueue(at);
        }

        public TimeSpan? WaitWhenOver(int limit, DateTimeOffset now)
        {
            lock (failures)
            {
                Expire(now);
                return failures.Count >= limit ? failures.Peek() + Window - now : null;
            }
        }

        public bool IsEmpty(DateTimeOffset now)
        {
            lock (failures)
            {
                Expire(now);
                return failures.Count == 0;
            }
        }

        private void Expire(DateTimeOffset now)
        {
            while (failures.Count > 0 && failures.Peek() + Window <= now) failures.Dequeue();
        }
    }
}
