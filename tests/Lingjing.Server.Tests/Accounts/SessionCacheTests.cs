using Lingjing.Server.Features.Accounts.Sessions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Lingjing.Server.Tests.Accounts;

/// <summary>A node trusts its last look at a session for the cache time only: that bounds how long a
/// session ended on another node keeps working here.</summary>
public sealed class SessionCacheTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero));
    private readonly Guid session = Guid.NewGuid(), user = Guid.NewGuid();

    private SessionCache Cache(int seconds = 30) =>
        new(time, new StaticOptions(new SignInSessionOptions { CacheSeconds = seconds }));

    [Fact]
    public void A_remembered_answer_is_used_until_the_cache_time_has_passed()
    {
        var cache = Cache();
        cache.Remember(session, user, active: true);

        time.Advance(TimeSpan.FromSeconds(29));
        cache.Lookup(session, user).ShouldBe(true);

        time.Advance(TimeSpan.FromSeconds(1));
        cache.Lookup(session, user).ShouldBeNull();
    }

    [Fact]
    public void Forgetting_a_user_drops_all_their_sessions_and_no_one_elses()
    {
        var cache = Cache();
        var other = Guid.NewGuid();
        cache.Remember(session, user, active: true);
        cache.Remember(other, Guid.NewGuid(), active: true);

        cache.ForgetUser(user);

        cache.Lookup(session, user).ShouldBeNull();
        cache.Lookup(other, Guid.Empty).ShouldBe(false);
    }

    [Fact]
    public void A_session_id_presented_with_another_users_id_is_not_active()
    {
        var cache = Cache();
        cache.Remember(session, user, active: true);

        cache.Lookup(session, Guid.NewGuid()).ShouldBe(false);
    }

    private sealed class StaticOptions(SignInSessionOptions value) : IOptionsMonitor<SignInSessionOptions>
    {
        public SignInSessionOptions CurrentValue => value;
        public SignInSessionOptions Get(string? name) => value;
        public IDisposable? OnChange(Action<SignInSessionOptions, string?> listener) => null;
    }
}
