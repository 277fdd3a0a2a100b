using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace Lingjing.Server.Infrastructure.Data.Bulk;

/// <summary>Encodes values exactly as EF Core's SQLite provider stores them, so EF reads bulk-written
/// rows back as if it had written them itself.</summary>
internal static class SqliteValues
{
    /// <summary>EF's SQLite provider keeps GUIDs as upper-case text; raw SQL must bind that form or it matches nothing.</summary>
    public static string GuidText(Guid id) => id.ToString().ToUpperInvariant();

    public static object Encode(object? value, BulkType type) => value switch
    {
        null => DBNull.Value,
        _ => type switch
        {
            BulkType.Int16 => Convert.ToInt64(value, CultureInfo.InvariantCulture),
            BulkType.Int32 => Convert.ToInt64(value, CultureInfo.InvariantCulture),
            BulkType.Int64 => Convert.ToInt64(value, CultureInfo.InvariantCulture),
            BulkType.Double => Convert.ToDouble(value, CultureInfo.InvariantCulture),
            BulkType.Decimal => ((decimal)value).ToString("0.0###########################", CultureInfo.InvariantCulture),
            BulkType.Boolean => (bool)value ? 1L : 0L,
            BulkType.Text => (string)value,
            // EF stores primitive collections as a JSON array.
            BulkType.TextList => JsonSerializer.Serialize(((IEnumerable)value).Cast<string>()),
            BulkType.IntList => JsonSerializer.Serialize(((IEnumerable)value).Cast<int>()),
            BulkType.Date => ((DateOnly)value).ToString("yyyy\\-MM\\-dd", CultureInfo.InvariantCulture),
            BulkType.Time => ((TimeOnly)value).ToString("HH\\:mm\\:ss\\.FFFFFFF", CultureInfo.InvariantCulture),
            BulkType.Timestamp => ((DateTime)value).ToString("yyyy\\-MM\\-dd HH\\:mm\\:ss\\.FFFFFFF", CultureInfo.InvariantCulture),
            BulkType.TimestampOffset => ((DateTimeOffset)value).ToString("yyyy\\-MM\\-dd HH\\:mm\\:ss\\.FFFFFFFzzz", CultureInfo.InvariantCulture),
            BulkType.Uuid => GuidText((Guid)value),
            BulkType.Bytes => (byte[])value,
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
        },
    };
}
