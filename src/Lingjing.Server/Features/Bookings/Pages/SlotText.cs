using System.Globalization;

namespace Lingjing.Server.Features.Bookings.Pages;

/// <summary>How booking times read on the pages: zone-local, day name in the page's language.</summary>
public static class SlotText
{
    public static string Of(DateTimeOffset start, DateTimeOffset end) =>
        $"{Day(start)} {start:HH:mm}–{end:HH:mm}";

    public static string Day(DateTimeOffset instant) =>
#pragma warning disable CA1305 // on purpose: a date in the reader's language
        instant.ToString(CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal) ? "M月d日 ddd" : "ddd d MMM", CultureInfo.CurrentUICulture);
#pragma warning restore CA1305

    public static string Length(TimeSpan length) =>
        length.TotalMinutes % 60 == 0 ? $"{length.TotalHours:0} h" : length.TotalMinutes < 60 ? $"{length.TotalMinutes:0} min" : $"{length.TotalHours:0.#} h";
}
