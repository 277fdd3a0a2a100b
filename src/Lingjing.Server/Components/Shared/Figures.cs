using System.Globalization;

namespace Lingjing.Server.Components.Shared;

/// <summary>Numbers as the page's language writes them.</summary>
public static class Figures
{
    public static string Count(long value) => value.ToString("N0", CultureInfo.CurrentCulture);

    public static string Percent(double fraction) => (fraction * 100).ToString("0.0", CultureInfo.CurrentCulture) + " %";

    /// <summary>Yuan in units of 10,000 (万元), the usual unit for enterprise revenue in both languages' statistics.</summary>
    public static string TenThousandYuan(long yuan) => (yuan / 10_000m).ToString("N0", CultureInfo.CurrentCulture);
}
