using Microsoft.AspNetCore.Identity;

namespace Lingjing.Server.Features.Accounts;

/// <summary>Checks an email and password for both the sign-in page and the token endpoint, applying
/// the throttle and Identity's lockout in one place.</summary>
public sealed class PasswordVerifier(UserManager<LingjingUser> users, SignInManager<LingjingUser> signIn, SignInThrottle throttle)
{
    public async Task<SignInOutcome> VerifyAsync(string? email, string? password, string clientAddress)
    {
        var account = (email ?? "").Trim();
        if (throttle.RetryAfter(account, clientAddress) is { } wait)
            return SignInOutcome.Throttled(wait);
        var user = account.Length == 0 ? null : await users.FindByEmailAsync(account);
        if (user is null || string.IsNullOrEmpty(password))
        {
            throttle.RecordFailure(account, clientAddress);
            return SignInOutcome.Invalid;
        }
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            throttle.RecordSuccess(account);
            return SignInOutcome.Success(user);
        }
        if (result.IsLockedOut)
        {
            throttle.RecordFailure(account, clientAddress);
            var end = await users.GetLockoutEndDateAsync(user) ?? DateTimeOffset.UtcNow.AddMinutes(5);
            return SignInOutcome.LockedOut(end);
        }
        throttle.RecordFailure(account, clientAddress);
        return SignInOutcome.Invalid;
    }
}
