namespace Lingjing.Server.Features.Accounts;

public enum SignInResultKind { Success, Invalid, LockedOut, Throttled }

public sealed record SignInOutcome(SignInResultKind Kind, LingjingUser? User = null, DateTimeOffset? LockedUntil = null, TimeSpan? RetryAfter = null)
{
    public static readonly SignInOutcome Invalid = new(SignInResultKind.Invalid);
    public static SignInOutcome Success(LingjingUser user) => new(SignInResultKind.Success, user);
    public static SignInOutcome LockedOut(DateTimeOffset until) => new(SignInResultKind.LockedOut, LockedUntil: until);
    public static SignInOutcome Throttled(TimeSpan wait) => new(SignInResultKind.Throttled, RetryAfter: wait);
}
