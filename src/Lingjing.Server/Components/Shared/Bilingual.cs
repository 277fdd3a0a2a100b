using System.Globalization;

namespace Lingjing.Server.Components.Shared;

/// <summary>Zone data carries both a Chinese and an English name; show the one of the page's language.</summary>
public static class Bilingual
{
    public static bool IsChinese => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);

    public static string Pick(string? zh, string? en) =>
        IsChinese && !string.IsNullOrWhiteSpace(zh) ? zh : !string.IsNullOrWhiteSpace(en) ? en : zh ?? "";
}
