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
    public void Validation_messages_shown_on_pages_have_chinese_translations()
    {
        var enterprise = new EnterpriseProfileUpdate("", new string('x', 201), new string('x', 4001), new string('x', 4001),
            "ftp://x", "nope", "phone?", -1, Enumerable.Range(0, 21).Select(i => new string('t', 41) + i).ToList()).Validate();
        var enterpriseMissing = new EnterpriseProfileUpdate(null, null, null, null, new string('w', 301), null, null, null, null).Validate();
        var me = new UserProfileUpdate("", new string('j', 101), "fr").Validate();
        var longName = new UserProfileUpdate(new string('d', 101), null, null).Validate();
        var setup = new SetupForm { Email = "x", DisplayName = "", Password = "weak" }.Validate().Values
            .Concat(new SetupForm { Email = "a@b.c", DisplayName = new string('n', 101), Password = "Strong#Pass1", ConfirmPassword = "Other#Pass1" }.Validate().Values);

        var messages = new[] { enterprise, enterpriseMissing, me, longName }
            .SelectMany(e => e.ToDictionary().Values.SelectMany(v => v))
            .Concat(setup)
            .Distinct()
            .ToList();

        messages.Count.ShouldBeGreaterThan(10);
        messages.Where(m => !Chinese.ContainsKey(m)).ShouldBeEmpty();
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

    private static IEnumerable<string> Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal);

    [GeneratedRegex("""\bL\["((?:[^"\\]|\\.)*)"[,\]]""")]
    private static partial Regex LocalizedLiteral();

    [GeneratedRegex(@"\{\d+[^}]*\}")]
    private static partial Regex Placeholder();
}
