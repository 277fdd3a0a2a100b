namespace Lingjing.Bench.SignIn;

/// <summary>One kind of sign-in attempt: the credentials of its i-th sample and the status it must get.</summary>
public sealed record SignInKind(string Name, Func<int, (string Email, string Password)> Credentials, int ExpectedStatus);
