namespace Lingjing.Server.Features.Accounts;

/// <summary>What a password must be, in one place: Identity's options (AccountsExtensions), the first-run form
/// and a password change all say and check the same.</summary>
public static class PasswordRule
{
    public const int MinimumLength = 8;

    public const string Description = "At least 8 characters with an upper-case letter, a lower-case letter and a digit.";

    public static bool IsStrong(string? password) =>
        password is { Length: >= MinimumLength } && password.Any(char.IsUpper) && password.Any(char.IsLower) && password.Any(char.IsDigit);
}
