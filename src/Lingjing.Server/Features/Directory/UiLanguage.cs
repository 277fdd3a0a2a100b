using System.Globalization;

namespace Lingjing.Server.Features.Directory;

/// <summary>Which of a row's two names the current UI language shows first.</summary>
public static class UiLanguage
{
    public static bool IsChinese => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);

    /// <summary>The name in the UI language.</summary>
    public static string Primary(string nameZh, string nameEn) => IsChinese ? nameZh : nameEn;

    /// <summary>The name in the other language, shown small beside it.</summary>
    public static string Secondary(string nameZh, string nameEn) => IsChinese ? nameEn : nameZh;
}
