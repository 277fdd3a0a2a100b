using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace Lingjing.Server.Localization;

/// <summary>Looks UI text up in Localization/{culture}.json. The English text is the key, so English
/// needs no file and a missing translation falls back to readable English.</summary>
public sealed class JsonStringLocalizer : IStringLocalizer
{
    private static readonly FrozenDictionary<string, FrozenDictionary<string, string>> Translations = Load();

    public LocalizedString this[string name]
    {
        get
        {
            var value = Lookup(name);
            return new LocalizedString(name, value ?? name, resourceNotFound: value is null);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments), format.ResourceNotFound);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        Table(CultureInfo.CurrentUICulture)?.Select(p => new LocalizedString(p.Key, p.Value)) ?? [];

    /// <summary>The cultures that have a translation file, plus English.</summary>
    public static IReadOnlyCollection<string> TranslatedCultures => Translations.Keys;

    /// <summary>The text in the current UI culture, or the English text itself when it has no translation.</summary>
    public static string Translate(string english) => Lookup(english) ?? english;

    public static IReadOnlyDictionary<string, string>? TableFor(string culture) =>
        Translations.TryGetValue(culture, out var table) ? table : null;

    private static string? Lookup(string key)
    {
        var table = Table(CultureInfo.CurrentUICulture);
        return table is not null && table.TryGetValue(key, out var value) ? value : null;
    }

    private static FrozenDictionary<string, string>? Table(CultureInfo culture)
    {
        for (var c = culture; !Equals(c, CultureInfo.InvariantCulture); c = c.Parent)
            if (Translations.TryGetValue(c.Name, out var table)) return table;
        return null;
    }

    /// <summary>Loads every embedded Localization/{area}.{culture}.json and merges the areas per culture,
    /// so each feature keeps its own translations.</summary>
    private static FrozenDictionary<string, FrozenDictionary<string, string>> Load()
    {
        var assembly = typeof(JsonStringLocalizer).Assembly;
        var merged = new Dictionary<string, Dictionary<string, string>>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.Contains(".Localization.", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal)))
        {
            var withoutExtension = resource[..^5];
            var culture = withoutExtension[(withoutExtension.LastIndexOf('.') + 1)..];
            using var stream = assembly.GetManifestResourceStream(resource)!;
            var entries = JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? [];
            if (!merged.TryGetValue(culture, out var table)) merged[culture] = table = new Dictionary<string, string>();
            foreach (var (key, value) in entries) table[key] = value;
        }
        return merged.ToFrozenDictionary(p => p.Key, p => p.Value.ToFrozenDictionary());
    }
}
