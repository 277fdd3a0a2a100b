using Microsoft.AspNetCore.Identity;

namespace Lingjing.Server.Features.Accounts.Sessions;

/// <summary>A person changes their own password: every other session of theirs ends, this one stays.</summary>
public sealed class PasswordChange(UserManager<LingjingUser> users, SessionStore sessions)
{
    public sealed record Request(string? CurrentPassword, string? NewPassword);

    public static readonly Field CurrentPasswordField = new("currentPassword", "Current password");
    public static readonly Field NewPasswordField = new("newPassword", "New password");
    public static readonly Field ConfirmPasswordField = new("confirmPassword", "New password again");

    /// <summary>Null on success, otherwise the errors by field.</summary>
    public async Task<FieldErrors?> ChangeAsync(Guid userId, Guid? currentSession, Request request)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrEmpty(request.CurrentPassword)) errors.Add(CurrentPasswordField, "This field is required.");
        if (string.IsNullOrEmpty(request.NewPassword)) errors.Add(NewPasswordField, "This field is required.");
        else if (!PasswordRule.IsStrong(request.NewPassword)) errors.Add(NewPasswordField, PasswordRule.Description);
        if (!errors.IsEmpty) return errors;
        if (await users.FindByIdAsync(userId.ToString()) is not { } user)
        {
            errors.Add(CurrentPasswordField, "Your account could not be found.");
            return errors;
        }
        var result = await users.ChangePasswordAsync(user, request.CurrentPassword!, request.NewPassword!);
        if (!result.Succeeded)
        {
            // The rule is checked above; what Identity refuses beyond it is the current password.
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
                errors.Add(CurrentPasswordField, "The current password is not right.");
            else
                errors.Add(NewPasswordField, PasswordRule.Description);
            return errors;
        }
        await sessions.EndAllAsync(userId, keep: currentSession);
        return null;
    }
}
