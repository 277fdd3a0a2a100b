using Lingjing.World.Chat;

namespace Lingjing.Server.Infrastructure.Errors;

/// <summary>The one validation mechanism: messages per field, collected by a form's or a request's
/// <c>Validate()</c>. The API returns them under their field keys with the text in the request's language
/// (<see cref="Failure.Invalid(FieldErrors)"/>); pages show them next to the fields.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, (Field Field, List<Phrase> Messages)> errors = new(StringComparer.Ordinal);

    public bool IsEmpty => errors.Count == 0;

    public void Add(Field field, string message, params object?[] args)
    {
        if (!errors.TryGetValue(field.Key, out var entry)) errors[field.Key] = entry = (field, []);
        entry.Messages.Add(new Phrase(message, args));
    }

    /// <summary>Takes the other's messages for every field that has none here (a page's own parsing first).</summary>
    public void AddMissing(FieldErrors other)
    {
        foreach (var (key, entry) in other.errors)
            if (!errors.ContainsKey(key)) errors[key] = (entry.Field, [.. entry.Messages]);
    }

    /// <summary>The messages of a field, in the current language.</summary>
    public IReadOnlyList<string> For(string key) => errors.TryGetValue(key, out var entry) ? entry.Messages.Select(m => m.Localized()).ToList() : [];

    public bool Has(string key) => errors.ContainsKey(key);

    /// <summary>Field key → messages in the current language: the problem's <c>errors</c> member.</summary>
    public Dictionary<string, string[]> ToDictionary() =>
        errors.ToDictionary(p => p.Key, p => p.Value.Messages.Select(m => m.Localized()).ToArray());

    /// <summary>"Field name: message" per message, in the current language, for a page that shows them together.</summary>
    public IEnumerable<string> Lines() =>
        errors.Values.SelectMany(e => e.Messages.Select(m => $"{e.Field.Name.Localized()}: {m.Localized()}"));

    /// <summary>One line naming every field that failed, by the names people know them by.</summary>
    public Phrase Summary => new("Check these fields: {0}.", Phrase.List(errors.Values.Select(e => e.Field.Name)));

    public const string HiddenCharacters = "Remove the invisible control or text-direction characters from this text.";

    public void Required(Field field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, "This field is required.");
        else MaxLength(field, value, maxLength);
    }

    /// <summary>At most <paramref name="maxLength"/> characters of plain text: line breaks and tabs only
    /// when <paramref name="multiline"/>, never other control characters, direction overrides (they make a
    /// name read as something else) or a broken surrogate.</summary>
    public void MaxLength(Field field, string? value, int maxLength, bool multiline = false)
    {
        if (value is null) return;
        if (value.Trim().Length > maxLength) Add(field, "At most {0:#,0} characters.", maxLength);
        if (HasHiddenCharacters(value, multiline)) Add(field, HiddenCharacters);
    }

    private static bool HasHiddenCharacters(string value, bool multiline)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c) || ChatText.IsBidiControl(c)) return true;
            if (char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t')) return true;
        }
        return false;
    }
}
