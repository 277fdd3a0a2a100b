using Microsoft.AspNetCore.Identity;

namespace Lingjing.Server.Features.Accounts.Sessions;

/// <summary>A person changes their own password: every other session of theirs ends, this one stays.</summary>
public sealed class PasswordChange(UserManager<LingjingUser> users, SessionStore sessions)
{
    public sealed record Request(string? CurrentPassword, string? NewPassword);

    /// <summary>Null on success, otherwise the errors by field.</summary>
    public async Task<Dictionary<string, string[]>?> ChangeAsync(Guid userId, Guid? currentSession, Request request)
    {
        if (string.IsNullOrEmpty(request.CurrentPassword) || string.IsNullOrEmpty(request.NewPassword))
            return new() { [string.IsNullOrEmpty(request.CurrentPassword) ? "currentPassword" : "newPassword"] = ["Enter your current and your new password."] };
        if (await users.FindByIdAsync(userId.ToString()) is not { } user)
            return new() { ["currentPassword"] = ["Your account could not be found"] };
        var result = await users.ChangePasswordAsync(user, request.CurrentPassword, request.NewPassword);
        if (!result.Succeeded)
        {
            var wrongCurrent = result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch));
            return wrongCurrent
                ? new() { ["currentPassword"] = ["The current password is not right."] }
                : new() { ["newPassword"] = [.. result.Errors.Select(e => e.Description)] };
        }
        await sessions.EndAllAsync(userId, keep: currentSession);
        return null;
    }
}
