using System.CommandLine;
using System.Globalization;

namespace Lingjing.Bench.Shared;

/// <summary>The one way the bench and tool programs read their command lines: System.CommandLine parses,
/// answers --help, and refuses an unknown option or a bad value with a message and the usage.</summary>
public static class CommandLines
{
    /// <summary>The parsed command line, or null when the program should stop now: after --help (exit code 0)
    /// or after printing what is wrong (exit code 1); <see cref="Environment.ExitCode"/> is set either way.</summary>
    public static ParseResult? Parse(RootCommand command, string[] args)
    {
        var result = command.Parse(args);
        if (result.Action is null) return result;
        Environment.ExitCode = result.Invoke();
        return null;
    }

    /// <summary>Refuses a command line for a reason that involves several options (checked after parsing:
    /// System.CommandLine's command validators see no default values); always null.</summary>
    public static T? Refuse<T>(string problem) where T : class
    {
        Console.Error.WriteLine(problem);
        Console.Error.WriteLine("Run with --help for the options.");
        Environment.ExitCode = 1;
        return null;
    }

    /// <summary>An option with a value it takes when not given (shown by --help).</summary>
    public static Option<T> Option<T>(string name, T fallback, string description) =>
        new(name) { Description = description, DefaultValueFactory = _ => fallback };

    /// <summary>An option that may be left out (null then).</summary>
    public static Option<T?> Optional<T>(string name, string description) => new(name) { Description = description };

    /// <summary>A whole number of at least <paramref name="minimum"/>. The token is read here: a value that is not a
    /// number at all is reported by the parser itself, and reading the converted value would throw.</summary>
    public static Option<int> AtLeast(this Option<int> option, int minimum)
    {
        option.Validators.Add(result =>
        {
            if (result.Tokens is [var token] && int.TryParse(token.Value, CultureInfo.InvariantCulture, out var value) && value < minimum)
                result.AddError($"{option.Name} must be at least {minimum}.");
        });
        return option;
    }

    /// <summary>An absolute http(s) address (System.CommandLine has no converter for Uri).</summary>
    public static Option<Uri> Url(string name, Uri? fallback, string description)
    {
        var option = new Option<Uri>(name)
        {
            Description = description,
            Required = fallback is null,
            CustomParser = result =>
            {
                var text = result.Tokens is [var token] ? token.Value : "";
                if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)) return uri;
                result.AddError($"{name} must be an absolute http(s) address, not '{text}'.");
                return null;
            },
        };
        if (fallback is not null) option.DefaultValueFactory = _ => fallback;
        return option;
    }

    /// <summary>The repository's root (the folder with Lingjing.slnx) above the working directory, for default paths.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Lingjing.slnx"))) return dir.FullName;
        return Environment.CurrentDirectory;
    }
}
