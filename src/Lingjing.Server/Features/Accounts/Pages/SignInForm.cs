namespace Lingjing.Server.Features.Accounts.Pages;

public sealed class SignInForm
{
    public string? Email { get; set; }
    public string? Password { get; set; }
}
