using System.Globalization;
using System.Text.RegularExpressions;
using Lingjing.Server.Features.Accounts.Pages;
using Lingjing.Server.Features.Terminals.Enterprises;
using Lingjing.Server.Features.Terminals.Me;
using Lingjing.Server.Localization;

namespace Lingjing.Server.Tests.Localization;

/// <summary>Every piece of UI text has a Simplified Chinese translation: the L["..."] literals of every
/// Razor file, and the validation messages pages show through the localizer.</summary>
public sealed partial class TranslationCoverageTests
{
    private static IReadOnlyDictionary<string, string> Chinese => JsonStringLocalizer.TableFor("zh-Hans")
        ?? throw new InvalidOperationException("No zh-Hans translations are embedded.");

    [Fact]
    public void Every_localized_literal_in_razor_files_has_a_chinese_translation()
    {
        var literals = RazorLiterals();
        literals.Count.ShouldBeGreaterThan(100, "the scan found suspiciously few L[\"...\"] literals");

        var missing = literals.Where(l => !Chinese.ContainsKey(l.Text)).Select(l => $"{l.File}: {l.Text}").Distinct().ToList();

        missing.ShouldBeEmpty("Add these to a Localization/*.zh-Hans.json file:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Validation_messages_shown_on_pages_read_in_chinese()
    {
        static List<string> Messages() =>
        [
            .. new[]
            {
                new EnterpriseProfileUpdate("", new string('x', 201), new string('x', 4001), new string('x', 4001),
                    "ftp://x", "nope", "phone?", -1, Enumerable.Range(0, 21).Select(i => new string('t', 41) + i).ToList()).Validate(),
                new EnterpriseProfileUpdate(null, null, null, null, new string('w', 301), null, null, null, null).Validate(),
                new UserProfileUpdate("", new string('j', 101), "fr").Validate(),
                new UserProfileUpdate(new string('d', 101), null, null).Validate(),
                new SetupForm { Email = "x", DisplayName = "", Password = "weak" }.Validate(),
                new SetupForm { Email = "a@b.c", DisplayName = new string('n', 101), Password = "Strong#Pass1", ConfirmPassword = "Other#Pass1" }.Validate(),
            }.SelectMany(e => e.ToDictionary().Values.SelectMany(v => v).Append(e.Summary.Localized())),
        ];
        var english = Messages();
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-Hans");
        List<string> chinese;
        try { chinese = Messages(); }
        finally { CultureInfo.CurrentUICulture = previous; }

        english.Count.ShouldBeGreaterThan(10);
        english.Zip(chinese).Where(p => p.First == p.Second).Select(p => p.First).ShouldBeEmpty();
    }

    /// <summary>What features tell people through the one error path (failures, field messages, field
    /// names, phrases) is translated too: every such English literal in the server's C# code.</summary>
    [Fact]
    public void Every_failure_and_field_message_in_code_has_a_chinese_translation()
    {
        var literals = CodeLiterals();
        literals.Count.ShouldBeGreaterThan(100, "the scan found suspiciously few failure and field texts");

        var missing = literals.Where(l => !Chinese.ContainsKey(l.Text)).Select(l => $"{l.File}: {l.Text}").Distinct().ToList();

        missing.ShouldBeEmpty("Add these to a Localization/*.zh-Hans.json file:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Translations_keep_the_placeholders_of_their_english_text()
    {
        var mismatched = Chinese
            .Where(p => !Placeholders(p.Key).SequenceEqual(Placeholders(p.Value)) || string.IsNullOrWhiteSpace(p.Value))
            .Select(p => $"{p.Key} → {p.Value}")
            .ToList();

        mismatched.ShouldBeEmpty();
    }

    private static List<(string File, string Text)> RazorLiterals() =>
        Directory.EnumerateFiles(SourceTree.ServerProject, "*.razor", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .SelectMany(f => LocalizedLiteral().Matches(File.ReadAllText(f))
                .Select(m => (Path.GetRelativePath(SourceTree.ServerProject, f), Regex.Unescape(m.Groups[1].Value))))
            .ToList();

    private static List<(string File, string Text)> CodeLiterals() =>
        Directory.EnumerateFiles(SourceTree.ServerProject, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            // Demo data is zone data written in both languages, not UI text.
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Demo{Path.DirectorySeparatorChar}"))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .SelectMany(f => CodeText().Matches(File.ReadAllText(f))
                .SelectMany(m => m.Groups.Cast<Group>().Skip(1).Where(g => g.Success).Select(g => g.Value))
                .Select(text => (Path.GetRelativePath(SourceTree.ServerProject, f), Regex.Unescape(text))))
            .ToList();

    private static IEnumerable<string> Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal);

    [GeneratedRegex("""\bL\["((?:[^"\\]|\\.)*)"[,\]]""")]
    private static partial Regex LocalizedLiteral();

    /// <summary>Failure.X("..."), .Titled("..."), LimitReached("..."), BadInput("..."), NotFound("..."),
    /// errors.Add(field, "..."), Fail(field, fallback, "..."), a rule error Error(at, "..."), new Phrase("..."), a sentence in a constant, a field's display name new("key", "..."), and a phrase new("... ...") (a
    /// target-typed new of text with a space: field names and single words are not sentences).</summary>
    [GeneratedRegex("""
        (?:Failure\.\w+|\.Titled|LimitReached|\bBadInput|\bNotFound)\(\s*"((?:[^"\\]|\\.)*)"
        |\.Add\((?!")[\w.]+,\s*"((?:[^"\\]|\\.)*)"
        |\bFail(?:<[^()]*?>)?\([\w.]+,\s*[^,"]+,\s*"((?:[^"\\]|\\.)*)"
        |\bError\((?:[\w.!\[\]]+,\s*){1,2}"((?:[^"\\]|\\.)*)"
        |\bnew\s+Phrase\("((?:[^"\\]|\\.)*)"
        |\bconst\s+string\s+\w+\s*=\s*"([A-Z][^"\\]*\s[^"\\]*\.)"
        |(?<![\w.])new\("[a-z][A-Za-z0-9]*",\s*"((?:[^"\\]|\\.)*)"\)(?:,\s*"((?:[^"\\]|\\.)*)")?
        |(?<![\w.])new\("((?:[^"\\]|\\.)*\s(?:[^"\\]|\\.)*)"
        """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex CodeText();

    [GeneratedRegex(@"\{\d+[^}]*\}")]
    private static partial Regex Placeholder();
}
