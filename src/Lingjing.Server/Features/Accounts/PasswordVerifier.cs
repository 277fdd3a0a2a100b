using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Lingjing.Server.Features.Accounts;

/// <summary>Checks an email and password for both the sign-in page and the token endpoint, applying
/// the throttle and Identity's lockout in one place. Every attempt verifies one password hash (a
/// dummy one for an unknown email, the account's own one for a locked account), so an unknown email,
/// a wrong password and a locked account take the same time and record the same failure.</summary>
public sealed class PasswordVerifier(
    UserManager<LingjingUser> users, SignInManager<LingjingUser> signIn, SignInThrottle throttle, IPasswordHasher<LingjingUser> hasher)
{
    private static string? dummyHash;

    public async Task<SignInOutcome> VerifyAsync(string? email, string? password, string clientAddress)
    {
        var account = (email ?? "").Trim();
        if (throttle.RetryAfter(account, clientAddress) is { } wait)
            return SignInOutcome.Throttled(wait);
        var user = account.Length == 0 ? null : await users.FindByEmailAsync(account);
        if (user is null || string.IsNullOrEmpty(password) || await users.IsLockedOutAsync(user))
        {
            // Identity skips the hash for a locked account; verify one anyway so it is not faster.
            hasher.VerifyHashedPassword(user ?? new LingjingUser(), user?.PasswordHash ?? DummyHash(), password ?? "");
            throttle.RecordFailure(account, clientAddress);
            return user is not null && await users.IsLockedOutAsync(user) ? SignInOutcome.LockedOut(await users.GetLockoutEndDateAsync(user) ?? DateTimeOffset.MaxValue) : SignInOutcome.Invalid;
        }
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            throttle.RecordSuccess(account);
            return SignInOutcome.Success(user);
        }
        throttle.RecordFailure(account, clientAddress);
        return result.IsLockedOut ? SignInOutcome.LockedOut(await users.GetLockoutEndDateAsync(user) ?? DateTimeOffset.MaxValue) : SignInOutcome.Invalid;
    }

    private string DummyHash() =>
        dummyHash ??= hasher.HashPassword(new LingjingUser(), Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));
}
