namespace Lingjing.Server.Infrastructure.Data.Bulk;

/// <summary>How a bulk column is encoded: each value kind has one SQLite and one PostgreSQL form.</summary>
public enum BulkType
{
    Int16,
    Int32,
    Int64,
    Double,
    Decimal,
    Boolean,
    Text,
    /// <summary>A list of strings: a JSON array on SQLite, <c>text[]</c> on PostgreSQL.</summary>
    TextList,
    /// <summary>A list of 32-bit integers: a JSON array on SQLite, <c>integer[]</c> on PostgreSQL.</summary>
    IntList,
    Date,
    Time,
    /// <summary>A UTC <see cref="DateTime"/>: EF's text form on SQLite, <c>timestamptz</c> on PostgreSQL.</summary>
    Timestamp,
    TimestampOffset,
    Uuid,
    Bytes,
}
