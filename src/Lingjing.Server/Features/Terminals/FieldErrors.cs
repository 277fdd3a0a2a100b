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

    public void Required(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, "This field is required.");
        else MaxLength(field, value, maxLength);
    }

    public void MaxLength(string field, string? value, int maxLength)
    {
        if (value is not null && value.Trim().Length > maxLength) Add(field, $"At most {maxLength} characters.");
    }
}
