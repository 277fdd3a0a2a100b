using System.Net.Mail;

namespace Lingjing.Server.Features.Accounts.Pages;

/// <summary>The first government administrator, entered at /setup.</summary>
public sealed class SetupForm
{
    public const int MinimumPasswordLength = 8;

    public string? Email { get; set; }
    public string? DisplayName { get; set; }
    public string? Password { get; set; }
    public string? ConfirmPassword { get; set; }

    /// <summary>Field name → English message (the page translates it).</summary>
    public Dictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(Email) || !MailAddress.TryCreate(Email.Trim(), out _))
            errors[nameof(Email)] = "Enter a valid email address.";
        if (string.IsNullOrWhiteSpace(DisplayName))
            errors[nameof(DisplayName)] = "Enter the name other people see.";
        else if (DisplayName.Trim().Length > 100)
            errors[nameof(DisplayName)] = "At most 100 characters.";
        var password = Password ?? "";
        if (password.Length < MinimumPasswordLength || !password.Any(char.IsUpper) || !password.Any(char.IsLower) || !password.Any(char.IsDigit))
            errors[nameof(Password)] = "At least 8 characters with an upper-case letter, a lower-case letter and a digit.";
        else if (password != ConfirmPassword)
            errors[nameof(ConfirmPassword)] = "The two passwords differ.";
        return errors;
    }
}
