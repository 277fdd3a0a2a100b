using Lingjing.World.Chat;

namespace Lingjing.Server.Features.Terminals;

/// <summary>Validation messages per field (camelCase, as in the JSON bodies). Messages are English
/// UI text, so pages translate them with the localizer and the API returns them as they are.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool IsEmpty => errors.Count == 0;

    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
        list.Add(message);
    }

    public IReadOnlyList<string> For(string field) => errors.TryGetValue(field, out var list) ? list : [];

    public bool Has(string field) => errors.ContainsKey(field);

    public Dictionary<string, string[]> ToDictionary() => errors.ToDictionary(p => p.Key, p => p.Value.ToArray());

    /// <summary>One line for a problem's detail, naming every field that failed.</summary>
    public string Summary => "Check these fields: " + string.Join(", ", errors.Keys) + ".";

    public const string HiddenCharacters = "Remove the invisible control or text-direction characters from this text.";

    public void Required(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, "This field is required.");
        else MaxLength(field, value, maxLength);
    }

    /// <summary>At most <paramref name="maxLength"/> characters of plain text: line breaks and tabs only
    /// when <paramref name="multiline"/>, never other control characters, direction overrides (they make a
    /// name read as something else) or a broken surrogate.</summary>
    public void MaxLength(string field, string? value, int maxLength, bool multiline = false)
    {
        if (value is null) return;
        if (value.Trim().Length > maxLength) Add(field, $"At most {maxLength} characters.");
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
