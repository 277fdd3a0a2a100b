using Lingjing.Server.Features.Accounts;
using Microsoft.Extensions.Time.Testing;

namespace Lingjing.Server.Tests.Accounts;

public sealed class SignInThrottleTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Failures_expire_after_the_window()
    {
        var throttle = new SignInThrottle(time);
        for (var i = 0; i < SignInThrottle.AccountFailureLimit; i++) throttle.RecordFailure("a@x", "10.0.0.1");
        throttle.RetryAfter("a@x", "10.0.0.1").ShouldNotBeNull();

        time.Advance(SignInThrottle.Window);

        throttle.RetryAfter("a@x", "10.0.0.1").ShouldBeNull();
    }

    [Fact]
    public void Retry_after_counts_down_from_the_oldest_failure()
    {
        var throttle = new SignInThrottle(time);
        for (var i = 0; i < SignInThrottle.AccountFailureLimit; i++) throttle.RecordFailure("a@x", "10.0.0.1");

        time.Advance(TimeSpan.FromMinutes(2));

        throttle.RetryAfter("a@x", "10.0.0.1").ShouldBe(SignInThrottle.Window - TimeSpan.FromMinutes(2));
    }

    [Fact]
    public void Success_clears_the_account_but_not_the_address()
    {
        var throttle = new SignInThrottle(time);
        for (var i = 0; i < SignInThrottle.AccountFailureLimit - 1; i++) throttle.RecordFailure("a@x", "10.0.0.1");

        throttle.RecordSuccess("a@x");
        throttle.RecordFailure("a@x", "10.0.0.1");

        throttle.RetryAfter("a@x", "10.0.0.1").ShouldBeNull();
    }

    [Fact]
    public void Account_names_are_compared_without_case()
    {
        var throttle = new SignInThrottle(time);
        for (var i = 0; i < SignInThrottle.AccountFailureLimit; i++) throttle.RecordFailure("Boss@Example.test", $"10.0.0.{i}");

        throttle.RetryAfter("boss@example.TEST", "10.9.9.9").ShouldNotBeNull();
    }
}
