using System.Net.Mail;

namespace Lingjing.Server.Features.Accounts.Pages;

/// <summary>The first government administrator, entered at /setup.</summary>
public sealed class SetupForm
{
    public static readonly Field EmailField = new("email", "Email");
    public static readonly Field DisplayNameField = new("displayName", "Display name");
    public static readonly Field PasswordField = new("password", "Password");
    public static readonly Field ConfirmPasswordField = new("confirmPassword", "Confirm password");

    public string? Email { get; set; }
    public string? DisplayName { get; set; }
    public string? Password { get; set; }
    public string? ConfirmPassword { get; set; }

    public FieldErrors Validate()
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(Email) || !MailAddress.TryCreate(Email.Trim(), out _))
            errors.Add(EmailField, "Enter a valid email address.");
        if (string.IsNullOrWhiteSpace(DisplayName)) errors.Add(DisplayNameField, "Enter the name other people see.");
        else errors.MaxLength(DisplayNameField, DisplayName, 100);
        if (!PasswordRule.IsStrong(Password)) errors.Add(PasswordField, PasswordRule.Description);
        else if (Password != ConfirmPassword) errors.Add(ConfirmPasswordField, "The two passwords differ.");
        return errors;
    }
}
