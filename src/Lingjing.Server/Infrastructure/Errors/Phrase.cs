using System.Globalization;
using Lingjing.Server.Localization;

namespace Lingjing.Server.Infrastructure.Errors;

/// <summary>A sentence for a person: English with {0}-style placeholders, translated into the request's
/// language when it is shown (the API's problem details and the pages alike). Arguments that are phrases
/// themselves (a field's name, a status) are translated too. The English template is the key in
/// Localization/*.zh-Hans.json, as for every other UI text.</summary>
public sealed record Phrase(string Template, params object?[] Args)
{
    /// <summary>The sentence in the current UI language (English when there is no translation).</summary>
    public string Localized() => Format(JsonStringLocalizer.Translate(Template), CultureInfo.CurrentCulture, localize: true);

    /// <summary>The sentence in English, for logs and for the tests' readable failures.</summary>
    public string English() => Format(Template, CultureInfo.InvariantCulture, localize: false);

    public override string ToString() => Localized();

    private string Format(string template, CultureInfo culture, bool localize)
    {
        if (Args.Length == 0) return template;
        var args = Args.Select(a => a switch
        {
            Phrase p => localize ? p.Localized() : p.English(),
            InBothLanguages both => localize && IsChinese ? both.Zh : both.En,
            _ => a,
        }).ToArray();
        return string.Format(culture, template, args);
    }

    /// <summary>Zone data written in both languages (a name, a rule's clause in words), as an argument.</summary>
    public sealed record InBothLanguages(string En, string Zh);

    private static bool IsChinese => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh";

    /// <summary>Several phrases as one list in the current language ("a, b" or "a、b").</summary>
    public static string List(IEnumerable<Phrase> items) =>
        string.Join(IsChinese ? "、" : ", ", items.Select(i => i.Localized()));
}
