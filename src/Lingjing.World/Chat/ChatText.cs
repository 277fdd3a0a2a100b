using System.Text;

namespace Lingjing.World.Chat;

/// <summary>
/// Cleans chat text: removes control characters and bidirectional overrides (which can disguise
/// text), collapses whitespace runs. HTML escaping is the renderer's job; this stays plain text.
/// </summary>
public static class ChatText
{
    public static string Sanitize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var lastWasSpace = true; // drops leading whitespace
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsControl(rune) || IsBidiControl(rune.Value))
            {
                if (rune.Value is '\n' or '\t' or '\r' && !lastWasSpace)
                {
                    builder.Append(' ');
                    lastWasSpace = true;
                }
                continue;
            }
            if (Rune.IsWhiteSpace(rune))
            {
                if (!lastWasSpace) builder.Append(' ');
                lastWasSpace = true;
                continue;
            }
            builder.Append(rune.ToString());
            lastWasSpace = false;
        }
        return builder.ToString().TrimEnd();
    }

    /// <summary>Marks and overrides that change the reading direction of the text around them.</summary>
    public static bool IsBidiControl(int c) =>
        c is >= 0x202A and <= 0x202E or >= 0x2066 and <= 0x2069 or 0x200E or 0x200F or 0x061C;
}
