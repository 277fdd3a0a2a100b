using Microsoft.Extensions.Options;

namespace Lingjing.Server.Infrastructure.Options;

/// <summary>Collects what is wrong with one configuration section, each problem naming the setting as it is
/// typed on the command line, so a bad setting stops the server with a message a person can act on.</summary>
public sealed class SettingsCheck(string section)
{
    private readonly List<string> problems = [];

    public SettingsCheck Require(bool holds, string key, string problem)
    {
        if (!holds) problems.Add($"--{section}:{key}: {problem}");
        return this;
    }

    public SettingsCheck AtLeast(double value, double minimum, string key, string unit = "") =>
        Require(value >= minimum, key, $"must be at least {minimum}{unit} (got {value}{unit}).");

    public ValidateOptionsResult Result() => problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
}
