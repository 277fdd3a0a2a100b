namespace Lingjing.Server.Infrastructure.Errors;

/// <summary>A field of a form or request body: its machine key (camelCase, as in the JSON bodies and
/// the problem's <c>errors</c>) and the name a person knows it by (translated like any UI text).</summary>
public sealed record Field(string Key, string DisplayName)
{
    public Phrase Name => new(DisplayName);
}
